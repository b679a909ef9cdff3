import Dispatch

/// What a dense layer does to each output value after the matrix product, fused into the kernel's store.
enum DenseEpilogue {
  /// `y = x · Wᵀ + b`.
  case bias
  /// `y = GELU(x · Wᵀ + b)` (exact GELU, with erf).
  case biasGELU
  /// `y = x · Wᵀ + b + r`, where row `i` of `r` starts at `residual + i · residualStride`.
  case biasResidual(UnsafePointer<Float>, residualStride: Int)
}

extension PackedWeightMatrix {
  /// Rows of the kernel's register tile (4 rows × 24 outputs = 12 eight-lane accumulators).
  static let tileRows = 4

  /// Inputs per block: a panel slice of `depthBlock × panelWidth` floats (24 KiB) stays in the L1 cache
  /// while every row tile of the input passes over it.
  static let depthBlock = 256

  /// Below this many bytes of input rows, the product runs over the whole input depth at once.
  static let unblockedInputBytes = 256 * 1024

  /// Computes `output = epilogue(input · Wᵀ + b)` for `rowCount` rows.
  ///
  /// A register-tiled, cache-blocked product in the style of Goto and van de Geijn, "Anatomy of
  /// High-Performance Matrix Multiplication" (ACM TOMS 34(3), 2008): panel by panel, the 4 × 24 micro-kernel
  /// sweeps all rows while the panel slice stays in cache, and the rows' inputs stay in L2 across panels.
  /// When the rows' inputs exceed ``unblockedInputBytes`` the input dimension is cut into blocks of
  /// ``depthBlock`` (partial sums kept in `output`). Partial tiles (rows not a multiple of 4, outputs not a
  /// multiple of 24) are handled without reading or writing out of bounds.
  ///
  /// With few rows (a query) the product is bound by memory: 42 MB of weights per forward pass do not fit
  /// in the last-level cache, and each panel is read from memory by the first row tile only, so the memory
  /// bus would idle during the other tiles. Those tiles therefore prefetch the next panel, spread evenly
  /// over their iterations (one cache-line request per step), which keeps memory and arithmetic overlapped;
  /// during the last panel they prefetch the first panel of `next`, the layer that runs after this one.
  ///
  /// - Parameters:
  ///   - input: row `i` holds `inputCount` floats starting at `input + i · inputStride`.
  ///   - output: row `i` receives `outputCount` floats starting at `output + i · outputStride`; it must not
  ///     overlap `input` (it may be the residual of ``DenseEpilogue/biasResidual(_:residualStride:)`` only if
  ///     the strides are equal).
  ///   - next: the dense layer computed next, if known, whose first panel is prefetched.
  ///   - threadCount: threads sharing the panels (contiguous runs of output columns, so each output value is
  ///     computed exactly as on one thread); used for few rows (a query), where one core cannot keep the memory
  ///     bus busy.
  func apply(
    input: UnsafePointer<Float>, inputStride: Int, rowCount: Int,
    output: UnsafeMutablePointer<Float>, outputStride: Int, epilogue: DenseEpilogue,
    next: PackedWeightMatrix? = nil, threadCount: Int = 1
  ) {
    guard rowCount > 0 else { return }
    let parts = Swift.min(threadCount, panelCount / Self.minimumPanelsPerThread)
    guard parts > 1 else {
      apply(panels: 0..<panelCount, input: input, inputStride: inputStride, rowCount: rowCount, output: output,
            outputStride: outputStride, epilogue: epilogue, next: next)
      return
    }
    let shared = SharedProduct(input: input, output: output, epilogue: epilogue)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let panels = (panelCount * part / parts)..<(panelCount * (part + 1) / parts)
      apply(panels: panels, input: shared.input, inputStride: inputStride, rowCount: rowCount, output: shared.output,
            outputStride: outputStride, epilogue: shared.epilogue, next: part == parts - 1 ? next : nil)
    }
  }

  /// Panels per thread below which a product stays on one thread.
  static let minimumPanelsPerThread = 4

  /// The pointers of one product, handed to the threads that share its panels (each writes its own columns).
  private struct SharedProduct: @unchecked Sendable {
    let input: UnsafePointer<Float>
    let output: UnsafeMutablePointer<Float>
    let epilogue: DenseEpilogue
  }

  /// `apply` over the output columns of `panels` only.
  private func apply(
    panels: Range<Int>, input: UnsafePointer<Float>, inputStride: Int, rowCount: Int,
    output: UnsafeMutablePointer<Float>, outputStride: Int, epilogue: DenseEpilogue, next: PackedWeightMatrix?
  ) {
    let width = Self.panelWidth
    let isBlocked = rowCount * inputCount * MemoryLayout<Float>.stride > Self.unblockedInputBytes
    let blockDepth = isBlocked ? Self.depthBlock : inputCount
    let tileCount = (rowCount + Self.tileRows - 1) / Self.tileRows
    // Tiles that prefetch the next panel: the 2nd to 4th (the 1st when there is only one).
    let prefetchingTiles = tileCount == 1 ? 0..<1 : 1..<Swift.min(tileCount, 4)
    func prefetchStep(forPanelOf matrix: PackedWeightMatrix) -> Int {
      let panelBytes = matrix.inputCount * width * MemoryLayout<Float>.stride
      let steps = prefetchingTiles.count * inputCount
      return Swift.max(Self.cacheLineBytes / 2, (panelBytes + steps - 1) / steps)
    }
    let ownStep = prefetchStep(forPanelOf: self)
    let nextStep = next.map { prefetchStep(forPanelOf: $0) } ?? 0
    var depthStart = 0
    while depthStart < inputCount {
      let depth = Swift.min(blockDepth, inputCount - depthStart)
      let isFirst = depthStart == 0
      let isLast = depthStart + depth == inputCount
      for panel in panels {
        let panelSlice = UnsafePointer(weights.baseAddress + (panel * inputCount + depthStart) * width)
        let isLastPanel = panel + 1 == panels.upperBound
        let nextPanel = isLastPanel
          ? next.map { UnsafeRawPointer($0.weights.baseAddress) }
          : UnsafeRawPointer(weights.baseAddress + (panel + 1) * inputCount * width)
        let step = isLastPanel ? nextStep : ownStep
        let column = panel * width
        let validColumns = Swift.min(width, outputCount - column)
        var row = 0
        while row < rowCount {
          let tile = row / Self.tileRows
          let validRows = Swift.min(Self.tileRows, rowCount - row)
          let rowInput = input + row * inputStride + depthStart
          var tileEpilogue = TileEpilogue.none
          if isLast {
            switch epilogue {
            case .bias: tileEpilogue = .none
            case .biasGELU: tileEpilogue = .gelu
            case .biasResidual(let residual, let residualStride):
              tileEpilogue = .residual(residual + row * residualStride + column, residualStride)
            }
          }
          let tileBias = isFirst ? UnsafePointer(bias.baseAddress + column) : nil
          let tileOutput = output + row * outputStride + column
          if !isBlocked, let nextPanel, prefetchingTiles.contains(tile) {
            let start = (tile - prefetchingTiles.lowerBound) * inputCount * step
            computeTile(
              input: rowInput, inputStride: inputStride, validRows: validRows, panel: panelSlice, depth: depth,
              bias: tileBias, output: tileOutput, outputStride: outputStride, validColumns: validColumns,
              epilogue: tileEpilogue,
              prefetcher: StreamPrefetcher(address: nextPanel + start, step: step))
          } else {
            computeTile(
              input: rowInput, inputStride: inputStride, validRows: validRows, panel: panelSlice, depth: depth,
              bias: tileBias, output: tileOutput, outputStride: outputStride, validColumns: validColumns,
              epilogue: tileEpilogue, prefetcher: NoPrefetcher())
          }
          row += Self.tileRows
        }
      }
      depthStart += depth
    }
  }

  /// Bytes per cache line (x86-64 and the common ARM64 cores).
  static let cacheLineBytes = 64

  /// The epilogue of one tile, resolved to pointers.
  private enum TileEpilogue {
    case none
    case gelu
    case residual(UnsafePointer<Float>, Int)
  }

  /// One 4 × 24 tile over one depth block: start from the bias (first block) or the partial sums in `output`,
  /// accumulate `depth` rank-1 updates, apply the epilogue, store.
  @inline(__always)
  private func computeTile<Prefetcher: TilePrefetcher>(
    input: UnsafePointer<Float>, inputStride: Int, validRows: Int,
    panel: UnsafePointer<Float>, depth: Int, bias: UnsafePointer<Float>?,
    output: UnsafeMutablePointer<Float>, outputStride: Int, validColumns: Int,
    epilogue: TileEpilogue, prefetcher: Prefetcher
  ) {
    var prefetcher = prefetcher
    // Rows past the end read the last valid row (never out of bounds); their results are not stored.
    let a0 = input
    let a1 = validRows > 1 ? input + inputStride : a0
    let a2 = validRows > 2 ? input + 2 * inputStride : a1
    let a3 = validRows > 3 ? input + 3 * inputStride : a2
    let fullWidth = validColumns == Self.panelWidth

    var c00 = Float8(), c01 = Float8(), c02 = Float8()
    var c10 = Float8(), c11 = Float8(), c12 = Float8()
    var c20 = Float8(), c21 = Float8(), c22 = Float8()
    var c30 = Float8(), c31 = Float8(), c32 = Float8()
    if let bias {
      // The packed bias is padded to the panel width, so three full loads are always in bounds.
      let b0 = VectorMath.load(bias, 0), b1 = VectorMath.load(bias, 8), b2 = VectorMath.load(bias, 16)
      c00 = b0; c01 = b1; c02 = b2
      c10 = b0; c11 = b1; c12 = b2
      c20 = b0; c21 = b1; c22 = b2
      c30 = b0; c31 = b1; c32 = b2
    } else {
      (c00, c01, c02) = Self.loadRow(output, validColumns: validColumns, fullWidth: fullWidth)
      if validRows > 1 { (c10, c11, c12) = Self.loadRow(output + outputStride, validColumns: validColumns, fullWidth: fullWidth) }
      if validRows > 2 { (c20, c21, c22) = Self.loadRow(output + 2 * outputStride, validColumns: validColumns, fullWidth: fullWidth) }
      if validRows > 3 { (c30, c31, c32) = Self.loadRow(output + 3 * outputStride, validColumns: validColumns, fullWidth: fullWidth) }
    }

    var weights = panel
    for k in 0..<depth {
      prefetcher.advance()
      let w0 = VectorMath.load(weights, 0)
      let w1 = VectorMath.load(weights, 8)
      let w2 = VectorMath.load(weights, 16)
      let x0 = Float8(repeating: a0[k])
      c00 = VectorMath.multiplyAdd(x0, w0, c00)
      c01 = VectorMath.multiplyAdd(x0, w1, c01)
      c02 = VectorMath.multiplyAdd(x0, w2, c02)
      let x1 = Float8(repeating: a1[k])
      c10 = VectorMath.multiplyAdd(x1, w0, c10)
      c11 = VectorMath.multiplyAdd(x1, w1, c11)
      c12 = VectorMath.multiplyAdd(x1, w2, c12)
      let x2 = Float8(repeating: a2[k])
      c20 = VectorMath.multiplyAdd(x2, w0, c20)
      c21 = VectorMath.multiplyAdd(x2, w1, c21)
      c22 = VectorMath.multiplyAdd(x2, w2, c22)
      let x3 = Float8(repeating: a3[k])
      c30 = VectorMath.multiplyAdd(x3, w0, c30)
      c31 = VectorMath.multiplyAdd(x3, w1, c31)
      c32 = VectorMath.multiplyAdd(x3, w2, c32)
      weights += Self.panelWidth
    }

    switch epilogue {
    case .none:
      break
    case .gelu:
      c00 = VectorMath.gelu(c00); c01 = VectorMath.gelu(c01); c02 = VectorMath.gelu(c02)
      c10 = VectorMath.gelu(c10); c11 = VectorMath.gelu(c11); c12 = VectorMath.gelu(c12)
      c20 = VectorMath.gelu(c20); c21 = VectorMath.gelu(c21); c22 = VectorMath.gelu(c22)
      c30 = VectorMath.gelu(c30); c31 = VectorMath.gelu(c31); c32 = VectorMath.gelu(c32)
    case .residual(let residual, let stride):
      let r0 = Self.loadRow(residual, validColumns: validColumns, fullWidth: fullWidth)
      c00 += r0.0; c01 += r0.1; c02 += r0.2
      if validRows > 1 {
        let r1 = Self.loadRow(residual + stride, validColumns: validColumns, fullWidth: fullWidth)
        c10 += r1.0; c11 += r1.1; c12 += r1.2
      }
      if validRows > 2 {
        let r2 = Self.loadRow(residual + 2 * stride, validColumns: validColumns, fullWidth: fullWidth)
        c20 += r2.0; c21 += r2.1; c22 += r2.2
      }
      if validRows > 3 {
        let r3 = Self.loadRow(residual + 3 * stride, validColumns: validColumns, fullWidth: fullWidth)
        c30 += r3.0; c31 += r3.1; c32 += r3.2
      }
    }

    Self.storeRow((c00, c01, c02), output, validColumns: validColumns, fullWidth: fullWidth)
    if validRows > 1 { Self.storeRow((c10, c11, c12), output + outputStride, validColumns: validColumns, fullWidth: fullWidth) }
    if validRows > 2 { Self.storeRow((c20, c21, c22), output + 2 * outputStride, validColumns: validColumns, fullWidth: fullWidth) }
    if validRows > 3 { Self.storeRow((c30, c31, c32), output + 3 * outputStride, validColumns: validColumns, fullWidth: fullWidth) }
  }

  /// Loads up to 24 floats of one row as three vectors; lanes past `validColumns` are zero.
  @inline(__always)
  private static func loadRow(
    _ row: UnsafePointer<Float>, validColumns: Int, fullWidth: Bool
  ) -> (Float8, Float8, Float8) {
    if fullWidth {
      return (VectorMath.load(row, 0), VectorMath.load(row, 8), VectorMath.load(row, 16))
    }
    var lanes = [Float8](repeating: Float8(), count: 3)
    for column in 0..<validColumns {
      lanes[column / 8][column % 8] = row[column]
    }
    return (lanes[0], lanes[1], lanes[2])
  }

  /// Stores the first `validColumns` lanes of three vectors into one row.
  @inline(__always)
  private static func storeRow(
    _ values: (Float8, Float8, Float8), _ row: UnsafeMutablePointer<Float>, validColumns: Int, fullWidth: Bool
  ) {
    if fullWidth {
      VectorMath.store(values.0, row, 0)
      VectorMath.store(values.1, row, 8)
      VectorMath.store(values.2, row, 16)
      return
    }
    let lanes = [values.0, values.1, values.2]
    for column in 0..<validColumns {
      row[column] = lanes[column / 8][column % 8]
    }
  }
}

/// What the micro-kernel prefetches while it runs: one step per input.
private protocol TilePrefetcher {
  /// Takes one step (requests one address, or nothing).
  mutating func advance()
}

/// Prefetches nothing.
private struct NoPrefetcher: TilePrefetcher {
  @inline(__always)
  mutating func advance() {}
}

/// Prefetches an address stream: `address`, `address + step`, and so on.
private struct StreamPrefetcher: TilePrefetcher {
  var address: UnsafeRawPointer
  let step: Int

  @inline(__always)
  mutating func advance() {
    VectorMath.prefetch(address)
    address += step
  }
}
