import Foundation
import Testing
import RankscopeSampleWorld

@Suite("Sample world pins")
struct SamplePinTests {
  let pins = SmallWorld.world.pins
  let objects = SmallWorld.objects(SmallWorld.world.pinsFile())

  @Test("there are as many pins as configured, with sequential ids")
  func countsAndIDs() {
    #expect(pins.count == SmallWorld.configuration.pinCount)
    #expect(objects.count == pins.count)
    #expect(pins.first?.id == "p000001")
    #expect(pins.last?.id == "p002000")
    #expect(Set(pins.map(\.id)).count == pins.count)
  }

  @Test("every pin has exactly the documented keys, price only on products")
  func keys() {
    let always: Set<String> = ["id", "title", "description", "board", "tags", "category", "vertical", "type",
                               "domain", "created", "saves", "clicks", "color", "visual"]
    for object in objects {
      let keys = Set(object.keys)
      if object["type"] as? String == "product" {
        #expect(keys == always.union(["price"]), "\(object["id"] ?? "?")")
      } else {
        #expect(keys == always, "\(object["id"] ?? "?")")
      }
    }
  }

  @Test("field values are valid")
  func values() {
    let start2023 = 1_672_531_200
    let start2027 = 1_798_761_600
    for pin in pins {
      let first = pin.title.first
      #expect(first?.isUppercase == true || first?.isNumber == true, "\(pin.id) title: \(pin.title)")
      #expect((2...6).contains(pin.tags.count), "\(pin.id) tags: \(pin.tags)")
      #expect(pin.tags.allSatisfy { $0 == $0.lowercased() && !$0.isEmpty })
      #expect(Set(pin.tags).count == pin.tags.count)
      #expect(!pin.board.isEmpty && !pin.category.isEmpty && !pin.vertical.isEmpty && !pin.color.isEmpty)
      #expect(pin.domain.contains("."))
      #expect((start2023..<start2027).contains(pin.created))
      #expect(pin.saves >= 0 && pin.clicks >= 0)
      #expect((pin.kind == .product) == (pin.priceInCents != nil))
      if let cents = pin.priceInCents { #expect(cents > 0) }
    }
  }

  @Test("descriptions have one to three sentences")
  func descriptionSentences() throws {
    let sentenceEnd = try Regex("[.!?](\\s|$)")
    for pin in pins {
      let count = pin.description.matches(of: sentenceEnd).count
      #expect((1...3).contains(count), "\(pin.id): \(pin.description)")
    }
  }

  @Test("no pattern syntax leaks into text")
  func noPatternSyntax() {
    let syntax: Set<Character> = ["{", "}", "<", ">", "[", "]", "|", "\u{1}"]
    for pin in pins {
      for text in [pin.title, pin.description, pin.board] {
        #expect(!text.contains(where: syntax.contains), "\(pin.id): \(text)")
        #expect(!text.contains("  ") && !text.hasPrefix(" ") && !text.hasSuffix(" "), "\(pin.id): \(text)")
      }
    }
  }

  @Test("prices print with two decimals and visual vectors with four")
  func numberFormats() throws {
    let text = String(decoding: SmallWorld.world.pinsFile(), as: UTF8.self)
    let price = try Regex("\"price\":(-?[0-9]+(\\.[0-9]*)?)")
    for match in text.matches(of: price) {
      let number = String(text[match.range]).dropFirst(8)
      #expect(number.split(separator: ".").last?.count == 2, "price \(number)")
    }
    for pin in pins.prefix(200) {
      #expect(pin.visual.count == 32)
      let norm = pin.visual.reduce(0) { $0 + $1 * $1 }.squareRoot()
      #expect(abs(norm - 1) < 0.01, "\(pin.id) norm \(norm)")
    }
    let visual = try Regex("\"visual\":\\[([^\\]]*)\\]")
    for match in text.matches(of: visual).prefix(200) {
      let numbers = String(text[match.range]).dropFirst(10).dropLast().split(separator: ",")
      #expect(numbers.count == 32)
      #expect(numbers.allSatisfy { $0.split(separator: ".").last?.count == 4 })
    }
  }

  @Test("titles are varied: distinct, never repeated back to back, not numbered templates")
  func titleVariety() {
    let titles = pins.map(\.title)
    #expect(Double(Set(titles).count) >= 0.9 * Double(titles.count))
    for (previous, next) in zip(titles, titles.dropFirst()) { #expect(previous != next) }
    let withoutDigits = titles.map { $0.filter { !$0.isNumber } }
    #expect(Double(Set(withoutDigits).count) >= 0.85 * Double(titles.count))
    let openings = titles.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
    #expect(Set(openings).count >= 500)
    let patterns = pins.map(\.truth.titlePattern)
    let repeats = zip(patterns, patterns.dropFirst()).filter { $0 == $1 }.count
    #expect(Double(repeats) < 0.2 * Double(patterns.count))
  }

  @Test("the mix of pin types is plausible and every vertical is present")
  func kindsAndVerticals() {
    let products = pins.filter { $0.kind == .product }.count
    let videos = pins.filter { $0.kind == .video }.count
    #expect(products > pins.count / 20 && products < pins.count / 3)
    #expect(videos > pins.count / 20 && videos < pins.count / 2)
    #expect(Set(pins.map(\.vertical)).count == SampleCatalog.verticals.count)
    #expect(Set(pins.map(\.category)).count >= 40)
  }

  @Test("engagement is heavy-tailed and follows quality")
  func engagement() {
    let clicks = pins.map(\.clicks).sorted()
    let median = clicks[clicks.count / 2]
    #expect(clicks.last! > 20 * max(1, median))
    let good = pins.filter { $0.truth.quality > 0.7 }.map(\.clicks)
    let poor = pins.filter { $0.truth.quality < 0.3 }.map(\.clicks)
    let mean = { (values: [Int]) in Double(values.reduce(0, +)) / Double(max(1, values.count)) }
    #expect(mean(good) > 2 * mean(poor))
  }

  @Test("the latent truth shows in the text")
  func truthDrivesText() {
    let mentioningSubject = pins.filter { pin in
      let text = (pin.title + " " + pin.description + " " + pin.tags.joined(separator: " ")).lowercased()
      return text.contains(pin.truth.subject.lowercased())
    }
    #expect(Double(mentioningSubject.count) > 0.9 * Double(pins.count))
    #expect(pins.allSatisfy { $0.color == $0.truth.colour })
  }
}
