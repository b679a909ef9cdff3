/// The manifest of an index directory: format version, schema, counts, build parameters and a checksum
/// per file. It is written last, so a directory without one is not a finished index.
public struct IndexManifest: Sendable, Hashable, Codable {
  /// One file of the index with its size and checksum.
  public struct FileEntry: Sendable, Hashable, Codable {
    /// File name inside the index directory.
    public var name: String
    /// Size in bytes.
    public var bytes: Int
    /// xxHash64 of the contents as 16 hexadecimal digits.
    public var xxhash64: String
  }

  /// What the build read and skipped.
  public struct Build: Sendable, Hashable, Codable {
    /// The documents file the index was built from.
    public var source: String
    /// Lines read from it.
    public var linesRead: Int
    /// Lines skipped as bad.
    public var linesSkipped: Int
    /// Which program wrote the index.
    public var createdBy: String

    /// Creates a build record.
    public init(source: String, linesRead: Int, linesSkipped: Int, createdBy: String) {
      self.source = source
      self.linesRead = linesRead
      self.linesSkipped = linesSkipped
      self.createdBy = createdBy
    }
  }

  /// The marker every Rankscope index carries.
  public static let formatName = "rankscope-index"
  /// The on-disk format version this build reads and writes.
  public static let currentFormatVersion = 2
  /// Name of the manifest file in an index directory.
  public static let fileName = "manifest.json"

  /// Always `rankscope-index`.
  public var format: String
  /// On-disk format version.
  public var formatVersion: Int
  /// The schema the documents were indexed with.
  public var schema: Schema
  /// Number of documents.
  public var documentCount: Int
  /// Number of distinct text terms.
  public var termCount: Int
  /// Sum of field lengths (in terms) over all documents, per text field in schema order.
  public var fieldLengthTotals: [Int]
  /// The files of the index.
  public var files: [FileEntry]
  /// What the build read.
  public var build: Build
}
