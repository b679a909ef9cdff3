/// Training rows as bin indices: the features that can split, row-major, one byte a value, with each feature's
/// offset in a histogram of all their bins.
///
/// A feature can split when it has two bins or more and, as LightGBM's `feature_pre_filter`, some threshold
/// leaves `minimumDataInLeaf` rows on both sides.
struct BinnedDataset {
  /// Original column of each used feature.
  let usedFeatures: [Int]
  /// Offset of each used feature's first bin in a histogram.
  let binOffsets: [Int]
  /// Bins of each used feature.
  let binCounts: [Int]
  /// Bins of all used features together.
  let totalBins: Int
  /// `bins[row * usedFeatures.count + usedIndex]`.
  let bins: [UInt8]
  /// Rows.
  let rowCount: Int
  /// The binning the bins come from.
  let binning: FeatureBinning

  init(features: [Double], rowCount: Int, featureCount: Int, binning: FeatureBinning, minimumDataInLeaf: Int) {
    var used: [Int] = []
    var offsets: [Int] = []
    var counts: [Int] = []
    var columns: [[UInt8]] = []
    var total = 0
    for feature in 0..<featureCount where binning.binCount(feature) > 1 {
      let binCount = binning.binCount(feature)
      var column = [UInt8](repeating: 0, count: rowCount)
      var rowsInBin = [Int](repeating: 0, count: binCount)
      for row in 0..<rowCount {
        let bin = binning.bin(of: features[row * featureCount + feature], feature: feature)
        column[row] = UInt8(bin)
        rowsInBin[bin] += 1
      }
      var rowsBelow = 0
      var splittable = false
      for bin in 0..<(binCount - 1) {
        rowsBelow += rowsInBin[bin]
        if rowsBelow >= minimumDataInLeaf, rowCount - rowsBelow >= minimumDataInLeaf {
          splittable = true
          break
        }
      }
      guard splittable else { continue }
      used.append(feature)
      offsets.append(total)
      counts.append(binCount)
      columns.append(column)
      total += binCount
    }
    let width = used.count
    var bins = [UInt8](repeating: 0, count: rowCount * width)
    for (usedIndex, column) in columns.enumerated() {
      for row in 0..<rowCount { bins[row * width + usedIndex] = column[row] }
    }
    self.usedFeatures = used
    self.binOffsets = offsets
    self.binCounts = counts
    self.totalBins = total
    self.bins = bins
    self.rowCount = rowCount
    self.binning = binning
  }
}
