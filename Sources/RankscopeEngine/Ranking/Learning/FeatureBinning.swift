import Foundation

/// Per-feature quantile bins for histogram-based tree learning, found as LightGBM does (Ke et al. 2017,
/// "LightGBM: A Highly Efficient Gradient Boosting Decision Tree"; `BinMapper::FindBin`).
///
/// Zero gets a bin of its own (values within ±1e-35); negative and positive values share the remaining
/// `maximumBins − 1` bins in proportion to their counts; each side is cut greedily so bins hold similar
/// counts, values frequent enough to fill a bin alone get one, and no bin holds fewer than
/// `minimumDataInBin` rows unless it is the last. Bin `b` of a feature holds the values `v` with
/// `upperBounds[b − 1] < v <= upperBounds[b]`; the last bound is +∞. A feature with one bin cannot split.
public struct FeatureBinning: Sendable, Hashable {
  /// LightGBM's `kZeroThreshold` (`1e-35f`, a float widened to double): values this close to 0 are zero.
  public static let zeroThreshold = Double(Float(1e-35))

  /// Upper bounds of each feature's bins (the last is +∞).
  public private(set) var upperBounds: [[Double]]

  /// Creates binning from explicit bounds.
  public init(upperBounds: [[Double]]) { self.upperBounds = upperBounds }

  /// Number of bins of `feature`.
  public func binCount(_ feature: Int) -> Int { upperBounds[feature].count }

  /// The bin of `value` for `feature`: the first bin whose upper bound is at least `value`.
  public func bin(of value: Double, feature: Int) -> Int {
    let bounds = upperBounds[feature]
    var low = 0
    var high = bounds.count - 1
    while low < high {
      let middle = (low + high) / 2
      if value <= bounds[middle] { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// Finds bins for every column of a row-major matrix.
  /// - Complexity: O(rows · features · log rows).
  public static func find(features: [Double], rowCount: Int, featureCount: Int, maximumBins: Int,
                          minimumDataInBin: Int = 3) -> FeatureBinning {
    var bounds: [[Double]] = []
    bounds.reserveCapacity(featureCount)
    var column: [Double] = []
    column.reserveCapacity(rowCount)
    for feature in 0..<featureCount {
      column.removeAll(keepingCapacity: true)
      for row in 0..<rowCount {
        let value = features[row * featureCount + feature]
        if abs(value) > zeroThreshold { column.append(value) }
      }
      bounds.append(findBounds(nonZeroValues: &column, totalCount: rowCount, maximumBins: maximumBins,
                               minimumDataInBin: minimumDataInBin))
    }
    return FeatureBinning(upperBounds: bounds)
  }

  /// The bin bounds of one feature from its non-zero values (reordered in place) and its row count.
  static func findBounds(nonZeroValues values: inout [Double], totalCount: Int, maximumBins: Int,
                         minimumDataInBin: Int) -> [Double] {
    values.sort()
    let zeroCount = totalCount - values.count
    var distinct: [Double] = []
    var counts: [Int] = []
    if values.isEmpty || (values[0] > 0 && zeroCount > 0) {
      distinct.append(0)
      counts.append(zeroCount)
    }
    if !values.isEmpty {
      distinct.append(values[0])
      counts.append(1)
    }
    var index = 1
    while index < values.count {
      if !equalOrdered(values[index - 1], values[index]) {
        if values[index - 1] < 0, values[index] > 0 {
          distinct.append(0)
          counts.append(zeroCount)
        }
        distinct.append(values[index])
        counts.append(1)
      } else {
        distinct[distinct.count - 1] = values[index]
        counts[counts.count - 1] += 1
      }
      index += 1
    }
    if let last = values.last, last < 0, zeroCount > 0 {
      distinct.append(0)
      counts.append(zeroCount)
    }
    return boundsWithZeroAsOneBin(distinct: distinct, counts: counts, maximumBins: maximumBins,
                                  totalCount: totalCount, minimumDataInBin: minimumDataInBin)
  }

  /// LightGBM's `FindBinWithZeroAsOneBin`.
  private static func boundsWithZeroAsOneBin(distinct: [Double], counts: [Int], maximumBins: Int, totalCount: Int,
                                             minimumDataInBin: Int) -> [Double] {
    var leftCountData = 0
    var zeroCount = 0
    var rightCountData = 0
    for (value, count) in zip(distinct, counts) {
      if value <= -zeroThreshold {
        leftCountData += count
      } else if value > zeroThreshold {
        rightCountData += count
      } else {
        zeroCount += count
      }
    }
    let leftDistinct = distinct.firstIndex { $0 > -zeroThreshold } ?? distinct.count
    var bounds: [Double] = []
    if leftDistinct > 0, maximumBins > 1 {
      let share = Double(leftCountData) / Double(totalCount - zeroCount) * Double(maximumBins - 1)
      let leftMaximumBins = max(1, Int(share))
      bounds = greedyBounds(distinct: distinct[0..<leftDistinct], counts: counts[0..<leftDistinct],
                            maximumBins: leftMaximumBins, totalCount: leftCountData, minimumDataInBin: minimumDataInBin)
      if !bounds.isEmpty { bounds[bounds.count - 1] = -zeroThreshold }
    }
    let rightStart = distinct[leftDistinct...].firstIndex { $0 > zeroThreshold }
    let rightMaximumBins = maximumBins - 1 - bounds.count
    if let rightStart, rightMaximumBins > 0 {
      let right = greedyBounds(distinct: distinct[rightStart...], counts: counts[rightStart...],
                               maximumBins: rightMaximumBins, totalCount: rightCountData,
                               minimumDataInBin: minimumDataInBin)
      bounds.append(zeroThreshold)
      bounds.append(contentsOf: right)
    } else {
      bounds.append(.infinity)
    }
    return bounds
  }

  /// LightGBM's `GreedyFindBin` over a sorted run of distinct values and their counts.
  private static func greedyBounds(distinct: ArraySlice<Double>, counts: ArraySlice<Int>, maximumBins: Int,
                                   totalCount: Int, minimumDataInBin: Int) -> [Double] {
    let values = Array(distinct)
    let counts = Array(counts)
    let distinctCount = values.count
    var bounds: [Double] = []
    if distinctCount == 0 { return [.infinity] }
    if distinctCount <= maximumBins {
      var countInBin = 0
      for index in 0..<(distinctCount - 1) {
        countInBin += counts[index]
        if countInBin >= minimumDataInBin {
          let value = upperBound((values[index] + values[index + 1]) / 2)
          if bounds.isEmpty || !equalOrdered(bounds[bounds.count - 1], value) {
            bounds.append(value)
            countInBin = 0
          }
        }
      }
      bounds.append(.infinity)
      return bounds
    }
    var binLimit = maximumBins
    if minimumDataInBin > 0 {
      binLimit = max(1, min(binLimit, totalCount / minimumDataInBin))
    }
    if binLimit < 2 { return [.infinity] }
    var meanBinSize = Double(totalCount) / Double(binLimit)
    var restBinCount = binLimit
    var restSampleCount = totalCount
    var isBig = [Bool](repeating: false, count: distinctCount)
    for index in 0..<distinctCount where Double(counts[index]) >= meanBinSize {
      isBig[index] = true
      restBinCount -= 1
      restSampleCount -= counts[index]
    }
    meanBinSize = Double(restSampleCount) / Double(restBinCount)
    var upper = [Double](repeating: .infinity, count: binLimit)
    var lower = [Double](repeating: .infinity, count: binLimit)
    var binCount = 0
    lower[0] = values[0]
    var countInBin = 0
    for index in 0..<(distinctCount - 1) {
      if !isBig[index] { restSampleCount -= counts[index] }
      countInBin += counts[index]
      if isBig[index] || Double(countInBin) >= meanBinSize
          || (isBig[index + 1] && Double(countInBin) >= max(1.0, meanBinSize * 0.5)) {
        upper[binCount] = values[index]
        binCount += 1
        lower[binCount] = values[index + 1]
        if binCount >= binLimit - 1 { break }
        countInBin = 0
        if !isBig[index] {
          restBinCount -= 1
          meanBinSize = Double(restSampleCount) / Double(restBinCount)
        }
      }
    }
    binCount += 1
    for index in 0..<(binCount - 1) {
      let value = upperBound((upper[index] + lower[index + 1]) / 2)
      if bounds.isEmpty || !equalOrdered(bounds[bounds.count - 1], value) { bounds.append(value) }
    }
    bounds.append(.infinity)
    return bounds
  }

  /// The next double above `value` (LightGBM's `GetDoubleUpperBound`).
  private static func upperBound(_ value: Double) -> Double { value.nextUp }

  /// Whether `b` (≥ `a`) is `a` or its next double up (LightGBM's `CheckDoubleEqualOrdered`).
  private static func equalOrdered(_ a: Double, _ b: Double) -> Bool { b <= a.nextUp }
}
