extension SampleCatalog {
  /// Weddings: styles are wedding themes, materials are fabrics, flowers and flavours.
  static let weddings = VerticalVocabulary(
    name: "weddings",
    categories: [weddingDresses, weddingDecor, weddingCakes, bridesmaids],
    styles: """
      boho/bohemian, rustic, modern, classic, romantic, vintage, minimalist, garden, beach, barn, whimsical,
      black tie, mediterranean, fairytale, industrial, art deco, cottagecore, moody, italian, chateau, woodland,
      southern, desert, tropical
      """,
    materials: "",
    occasions: """
      spring, summer, fall/autumn, winter, destination, courthouse, elopement, backyard, micro, vineyard,
      church, intimate, christmas, new year's eve, outdoor, city
      """,
    adjectives: """
      romantic, dreamy, elegant, timeless, stunning, whimsical, breathtaking, intimate, effortless, chic,
      ethereal, magical, gorgeous, simple, sweet, joyful, unforgettable, soft, lovely, glamorous
      """,
    titlePatterns: [
      "{adjective} {style} {subject} with {detail}",
      "{occasion} wedding <inspo|inspiration|ideas>: {style} {subject}",
      "{number} {style} {subject} ideas <for every budget|we're swooning over|to steal for your big day>",
      "{colour} {subject} with {material} <details|accents>",
      "{material} {subject} <for the modern bride|that feels timeless|we can't stop looking at>",
      "Our {adjective} {occasion} {subject}",
      "{style} {subject} <inspiration|details> from {a} {adjective} {occasion} wedding",
      "{style} {subject} on a budget",
      "{adjective} {colour} and {material} {subject}",
      "{subject} <goals|inspo>: {adjective} {style} with {detail}",
    ],
    videoTitlePatterns: [
      "<Behind the scenes|Watch>: {adjective} {style} {subject}",
      "{subject} <try-on|setup|reveal>: {style} and {adjective}",
      "How we <set up|styled> {as} {style} {subject}",
    ],
    productTitlePatterns: [
      "{style} {material} {subject}",
      "{colour} {material} {subject}",
      "{material} {subject}[ for the bride]",
    ],
    openingSentences: [
      "{this} {adjective} {style} {subject} with {detail} <stole the show|had every guest talking|made the day>.",
      "{a} {occasion} celebration <calls for|deserves> {as} {subject} like this: {material}, {detail} and <soft candlelight|lots of greenery|a touch of sparkle>.",
      "<Swooning over|In love with|Obsessed with> {this} {material} {subject} from {a} {adjective} {style} wedding.",
      "The couple wanted {as} {style} {subject} that felt {adjective} and {adjective2}.",
      "{colour} tones and {detail} give {this} {subject} {a} {adjective} feel.",
      "{as} {adjective} {subject} for {a} {occasion} wedding, with {material} and {detail}.",
    ],
    middleSentences: [
      "<Planner tip|Tip>: order {detail2} at least <three|six> months ahead.",
      "The {material} <adds|brings> <softness|texture|movement> <in photos|without feeling fussy>.",
      "Would be just as lovely at {a} {otherStyle} wedding.",
      "<Photographed|Captured> at {a} {occasion} <ceremony|celebration> with <about 40|just 20|150> guests.",
      "Budget-friendly swap: {detail2} instead of <fresh florals|custom pieces|rentals>.",
    ],
    closingSentences: [
      "Save for your big day!",
      "Full vendor list on the blog.",
      "Tap through for more from this wedding.",
      "More {style} wedding ideas on our page.",
      "Pin for your wedding board!",
    ],
    productSentences: [
      "<Handmade with care|Designed in our studio|Thoughtfully made>.",
      "<Made to order|Custom sizing available|Ships in 2-3 weeks>.",
      "Available in {colour}.",
      "{a} {adjective} choice for {a} {style} wedding.",
    ],
    boardPatterns: [
      "{style} Wedding", "{occasion} Wedding",
      "<Wedding Ideas|Dream Wedding|Wedding Inspo|Someday Wedding|Wedding Planning|Big Day>", "{colour} Wedding",
    ],
    domains: """
      theweddingedit.co, ivoryandoak.com, littlewhitechapel.blog, vowsandvines.com, theaislejournal.com,
      bouquetandbow.co, somethingbluenotes.com, gatherandwed.com
      """,
    shopDomains: "ivorybridal.shop, thepaperpress.co, blushandveil.shop",
    querySuffixes: "ideas, inspo, wedding, aesthetic, diy",
    tags: "wedding, wedding ideas, wedding inspo, bride, wedding planning",
    colourInText: 0.45,
    videoShare: 0.12)

  static let weddingDresses = CategoryVocabulary(
    name: "wedding dresses",
    subjects: """
      wedding dress/wedding gown, bridal gown, a-line wedding dress, ball gown, mermaid wedding dress,
      sheath wedding dress, slip wedding dress, two-piece wedding dress, bridal jumpsuit, reception dress,
      elopement dress, veil, cathedral veil, bridal cape, bridal robe, rehearsal dinner dress,
      after-party dress, bridal separates, long-sleeve wedding dress, off-the-shoulder wedding dress,
      backless wedding dress, corset wedding dress, short wedding dress, bridal belt
      """,
    products: "wedding veil, bridal robe, reception dress, bridal cape, hair comb, bridal belt, garter",
    styles: "princess, sleek, modern minimalist, hollywood glam, 70s",
    materials: """
      lace, satin, crepe, tulle, chiffon, silk, organza, mikado, beaded lace, chantilly lace, sequin, velvet,
      pearl-embellished tulle
      """,
    details: """
      long sleeves, a cathedral train, puff sleeves, a plunging neckline, a corset bodice, a low back,
      covered buttons, a square neckline, detachable sleeves, pockets, an illusion back, floral appliqués,
      a high slit, a sweetheart neckline, a bow detail, pearl embellishments, a sheer cape
      """,
    boards: "Wedding Dresses, Dream Dress, Bridal Gowns, Say Yes to the Dress, Bridal Style, Wedding Dress Ideas",
    tags: "wedding dress, bridal gown, bride style, wedding dresses",
    productShare: 0.15, priceRange: 40...3000, popularity: 1.1)

  static let weddingDecor = CategoryVocabulary(
    name: "wedding decor",
    subjects: """
      wedding arch/ceremony arch, centerpieces, tablescape, reception decor, aisle decor, wedding florals,
      bridal bouquet, boutonniere, flower wall, welcome sign, seating chart, sweetheart table, head table,
      candlelit reception, lounge area, wedding tent, ceremony backdrop, hanging florals, table runner,
      guest book table, wedding favors, photo booth backdrop, cocktail hour decor, dance floor decor
      """,
    products: "taper candles, bud vase set, table runner, welcome sign, card box, guest book, lanterns, neon sign",
    styles: "garden party, all-white, greenery-filled, candlelit",
    materials: """
      eucalyptus, pampas grass, baby's breath, peonies, garden roses, ranunculus, dried flowers, greenery,
      taper candles, votive candles, linen, velvet, brass candlesticks, wildflowers, orchids, hydrangeas,
      olive branches, citrus, bud vases
      """,
    details: """
      taper candles, hanging greenery, draped fabric, bud vases, string lights, a neon sign, lanterns,
      a floral installation, gold flatware, vintage chairs, a candlelit aisle, pampas grass arrangements,
      moss runners, mismatched china, a champagne tower, handwritten menus
      """,
    boards: "Wedding Decor, Reception Ideas, Wedding Flowers, Tablescapes, Ceremony Ideas, Wedding Centerpieces",
    tags: "wedding decor, wedding flowers, reception decor, centerpieces",
    productShare: 0.15, priceRange: 8...600, popularity: 1.2)

  static let weddingCakes = CategoryVocabulary(
    name: "wedding cakes",
    subjects: """
      wedding cake, naked cake, semi-naked cake, tiered cake, buttercream cake, fondant cake, cake table,
      dessert table, cupcake tower, groom's cake, cutting cake, donut wall, macaron tower, dessert bar,
      mini cakes, single-tier cake, heart cake
      """,
    products: "cake topper, cake stand, cake knife set, cupcake stand, cake server",
    styles: "lambeth, vintage piped, textured, painted, two-tier, heart-shaped, floral",
    materials: """
      lemon, vanilla bean, chocolate, red velvet, almond, strawberry, raspberry, funfetti, carrot, lavender,
      earl grey, pistachio, champagne, salted caramel, coconut, hummingbird, elderflower
      """,
    details: """
      fresh flowers, pressed flowers, gold leaf, piped ruffles, fresh berries, a painted finish, sugar flowers,
      a cake topper, cherries on top, palette-knife texture, ribbon accents, drip icing, greenery, pearl piping,
      a vintage cake stand, edible pearls, a ribbon wrap
      """,
    boards: "Wedding Cakes, Cake Ideas, Dessert Table, Sweet Table, Wedding Desserts",
    tags: "wedding cake, wedding desserts, cake ideas, dessert table",
    productShare: 0.12, priceRange: 10...200, popularity: 0.9)

  static let bridesmaids = CategoryVocabulary(
    name: "bridesmaids",
    subjects: """
      bridesmaid dresses, bridesmaid proposal, bridal party, bridesmaid gifts, bridal shower,
      bachelorette party/hen party, maid of honor dress, getting ready robes, junior bridesmaid dress,
      mismatched bridesmaid dresses, bridesmaid bouquets, bridesmaid hair, bridal party photos,
      flower girl dress, groomsmen attire, groomsmen gifts, bachelorette theme, shower decor, bridal brunch,
      bridesmaid jumpsuits, bridesmaid robes, bachelorette weekend, bridesmaid shoes
      """,
    products: """
      bridesmaid robe, proposal box, bridesmaid dress, personalized tumbler, jewelry set, groomsmen gift box
      """,
    styles: "mix-and-match, neutral, jewel-tone, pastel",
    materials: "satin, chiffon, tulle, velvet, silk, crepe, sequin, linen, jersey, lace, organza, georgette",
    details: """
      matching robes, personalized gifts, mismatched silhouettes, champagne toasts, custom tumblers,
      a photo backdrop, floral crowns, monogrammed bags, tiny bouquets, a brunch spread, disco balls,
      cowboy hats, a welcome bag, satin scrunchies, matching sunglasses, a signature cocktail,
      a planned itinerary, a getting-ready playlist
      """,
    boards: "Bridesmaids, Bridal Party, Bachelorette Ideas, Bridal Shower, Bridesmaid Dresses",
    tags: "bridesmaids, bridal party, bachelorette, bridal shower",
    productShare: 0.3, priceRange: 10...250, popularity: 0.9)
}
