extension SampleCatalog {
  /// Clothes, shoes and accessories: styles are aesthetics, materials are fabrics and metals.
  static let fashion = VerticalVocabulary(
    name: "fashion",
    categories: [womensOutfits, mensStyle, shoes, jewelryAndAccessories],
    styles: """
      minimalist, classic, preppy, boho/bohemian, streetwear, vintage, y2k, old money, quiet luxury,
      parisian/french girl, coastal grandmother, scandi/scandinavian, cottagecore, edgy, grunge, athleisure,
      business casual, casual, chic, romantic, western, retro, 90s, 70s, elegant, smart casual, tomboy,
      feminine, oversized, tailored
      """,
    materials: """
      linen, denim, cashmere, wool, leather, silk, satin, cotton, knit, suede, corduroy, tweed, velvet,
      faux leather/vegan leather, crochet, lace, jersey, chiffon, sherpa, fleece, nylon, canvas
      """,
    occasions: """
      work/office, date night, wedding guest, vacation, weekend, fall/autumn, winter, spring, summer,
      holiday party, brunch, concert, travel, back-to-school, night out, first date, beach, airport, festival,
      interview, christmas, thanksgiving, new year's eve, game day
      """,
    adjectives: """
      effortless, easy, cute, chic, polished, relaxed, elevated, cozy, timeless, flattering, versatile, comfy,
      stylish, simple, sleek, bold, fresh, laid-back, classy, put-together, cool, understated
      """,
    titlePatterns: [
      "{style} {occasion} outfit with {as} {material} {subject}",
      "{adjective} {colour} {subject} for {a} {occasion} <outfit|look>",
      "{number} {style} {subject} outfits <to copy|you'll want to wear|for every day of the week>",
      "How to style {as} {material} {subject} for {a} {occasion} <outfit|look>",
      "{colour} {material} {subject} with {detail}",
      "{style} {subject} <look|outfit|ideas>: {material} and {colour}",
      "{occasion} outfit idea: {colour} {subject} with {detail}",
      "The {subject} <every closet needs|of the season|everyone is wearing>",
      "{adjective} {style} <outfits|looks> with {as} {subject}",
      "{material} {subject} + {detail} = {a} {adjective} {occasion} look",
      "{adjective} {style} {subject} with {detail}",
      "What to wear with {as} {colour} {subject}",
    ],
    videoTitlePatterns: [
      "How I style {as} {subject} <three ways|five ways|for the week>",
      "{style} outfit <ideas|inspo> with {as} {material} {subject}",
      "Get ready with me: {occasion} <outfit|look>[ with {as} {subject}]",
      "{number} ways to wear {as} {colour} {subject}",
    ],
    productTitlePatterns: [
      "{style} {material} {subject}",
      "{colour} {material} {subject}",
      "{material} {subject} in {colour}",
      "The {adjective} {subject}",
    ],
    openingSentences: [
      "<Obsessed with|Loving|Can't get over> {this} {adjective} {colour} {subject} paired with {detail}.",
      "{a} {style} {occasion} look: {as} {material} {subject}, {detail} and <minimal jewelry|a slick bun|a classic tote>.",
      "The {material} {subject} {is} the <easiest|most versatile|most flattering> piece in my closet right now.",
      "This {occasion} outfit is all about {as} {colour} {subject} and {detail}.",
      "Proof that {style} style can be {adjective} and {adjective2}.",
      "{a} {adjective} way to wear {material} this season: {as} {style} {subject} with {detail}.",
      "Styled {as} {subject} the {style} way, with {detail}.",
    ],
    middleSentences: [
      "Swap {detail} for {detail2} to take it from <day to night|work to weekend|desk to dinner>.",
      "<Tip|Styling tip>: keep the palette {colour} and let the {material} <do the talking|add texture>.",
      "Works for {a} {otherStyle} wardrobe too.",
      "Size up for a relaxed fit.",
      "Pair it with {detail2} when the weather turns.",
      "Everything here is <thrifted|under $100|from my capsule wardrobe|secondhand>.",
    ],
    closingSentences: [
      "Save for outfit inspo!",
      "Shop the look on the blog.",
      "Tap through for sizing details.",
      "More {style} outfits on my page.",
      "Which color would you pick?",
      "Save this for your next {occasion} outfit.",
    ],
    productSentences: [
      "Made from {material} in {a} {colour} shade.",
      "{a} {adjective} <staple|essential|classic> for any {style} wardrobe.",
      "True to size; <model wears a small|runs slightly large|size up for an oversized fit>.",
      "<Free shipping and returns|Ships in 2-4 business days|Limited stock>.",
    ],
    boardPatterns: [
      "{style} Outfits", "{occasion} Outfits",
      "<Outfit Ideas|Outfit Inspo|Style Inspo|My Style|Closet Goals|Wardrobe Wishlist>", "{colour} Outfits",
    ],
    domains: """
      thestyledept.com, closetnotes.co, everydayedit.com, wornwell.blog, thecapsulediary.com, styledbyjune.com,
      threadandtrend.com, thelookbook.co, outfitjournal.com, hemandhue.com
      """,
    shopDomains: "wearlinen.shop, norththreadco.com, maisonmade.shop, goldleafjewelry.co",
    querySuffixes: "outfit, outfits, ideas, aesthetic, inspo, style",
    tags: "fashion, outfit ideas, style inspo, ootd, what to wear",
    colourInText: 0.6,
    videoShare: 0.2)

  static let womensOutfits = CategoryVocabulary(
    name: "women's outfits",
    subjects: """
      midi dress, maxi dress, slip dress, sweater dress, wrap dress, blazer, trench coat, wool coat,
      puffer jacket, leather jacket, denim jacket, cardigan, sweater/jumper, turtleneck,
      button-down shirt/button-up shirt, white tee/white t-shirt, tank top, bodysuit,
      wide-leg pants/wide-leg trousers, straight-leg jeans, mom jeans, barrel jeans, cargo pants, midi skirt,
      pleated skirt, mini skirt, jumpsuit, shacket, vest, trousers, shorts, matching set, capsule wardrobe
      """,
    products: """
      midi dress, blazer, trench coat, cardigan, wide-leg trousers, jeans, knit sweater, slip skirt, jumpsuit,
      linen shirt, puffer jacket
      """,
    styles: "capsule, modest, petite, plus-size/curvy, workwear, mom-friendly",
    materials: "ribbed knit, poplin, merino, mohair, sequin, gingham",
    details: """
      ankle boots, white sneakers, loafers, a woven tote, gold hoops, a leather belt, a silk scarf,
      ballet flats, knee-high boots, a crossbody bag, layered necklaces, a baseball cap, oversized sunglasses,
      a chunky knit, sheer tights, strappy sandals, a claw clip, a structured handbag, a tucked-in tee,
      cowboy boots, a cropped cardigan, mary janes
      """,
    boards: """
      Outfit Ideas, Fall Outfits, Summer Outfits, Work Outfits, Style Inspo, Capsule Wardrobe, Outfits I Love
      """,
    tags: "womens fashion, outfit inspo, outfits, style",
    productShare: 0.25, priceRange: 25...400, popularity: 1.5)

  static let mensStyle = CategoryVocabulary(
    name: "men's style",
    subjects: """
      suit, chinos, oxford shirt, overshirt, bomber jacket, field jacket, chore coat, peacoat,
      overcoat/wool overcoat, henley, polo shirt, crewneck sweater, quarter-zip, hoodie, flannel shirt,
      denim jacket, selvedge jeans, cargo pants, linen shirt, sport coat/blazer, tuxedo, trousers, shorts,
      cardigan, t-shirt, parka, waistcoat/vest, track jacket, rugby shirt, utility shirt, capsule wardrobe
      """,
    products: """
      overshirt, chinos, chore coat, oxford shirt, wool overcoat, quarter-zip sweater, selvedge jeans,
      minimalist watch, leather belt, henley
      """,
    styles: "rugged, workwear, ivy, dapper, skater, techwear, heritage",
    materials: "flannel, merino, oxford cloth, waxed cotton, twill, seersucker",
    details: """
      white sneakers, chelsea boots, loafers, a leather belt, a minimalist watch, a canvas tote, rolled sleeves,
      a baseball cap, a knit tie, aviator sunglasses, desert boots, a crewneck underneath, a pocket square,
      a leather messenger bag, layered chains, a beanie, cuffed jeans, a tucked-in tee
      """,
    boards: """
      Men's Style, Mens Fashion, Menswear, Style for Him, Men's Outfits, Gentleman Style
      """,
    tags: "mens fashion, menswear, mens style, mens outfits",
    productShare: 0.22, priceRange: 30...600, popularity: 0.8)

  static let shoes = CategoryVocabulary(
    name: "shoes",
    subjects: """
      sneakers/trainers, white sneakers, ankle boots, chelsea boots, knee-high boots, cowboy boots,
      combat boots, loafers, ballet flats, mary janes, mules, slides, sandals, strappy sandals, heels,
      block heels, kitten heels, stilettos, platform sneakers, running shoes, espadrilles, clogs, slingbacks,
      wedges, boat shoes, oxfords, derby shoes, slippers, rain boots, snow boots
      """,
    products: """
      white sneakers, chelsea boots, loafers, ballet flats, mules, block heels, strappy sandals, cowboy boots,
      clogs, slippers, running shoes
      """,
    styles: "chunky, platform, pointed-toe, square-toe, comfortable/comfy, walkable",
    materials: "patent leather, mesh, raffia, shearling, rubber, croc-embossed leather",
    details: """
      a lug sole, a chunky heel, gold hardware, a buckle strap, a pointed toe, contrast stitching,
      a cushioned footbed, a square toe, an ankle strap, a gum sole, shearling lining, a braided strap,
      a block heel, a slingback strap, pearl details, a platform sole, lace-up fronts
      """,
    boards: "Shoe Love, Shoes, Shoe Inspo, Sneaker Style, Boots, Shoe Collection",
    tags: "shoes, shoe inspo, sneakers, boots",
    productShare: 0.35, priceRange: 30...350, popularity: 0.9)

  static let jewelryAndAccessories = CategoryVocabulary(
    name: "jewelry and accessories",
    subjects: """
      gold hoops, layered necklaces, statement earrings, stacking rings/stackable rings, tennis bracelet,
      charm bracelet, pendant necklace, signet ring, pearl earrings, ear cuff, anklet, handbag, tote bag,
      crossbody bag, belt bag, clutch, silk scarf, sunglasses, bucket hat, baseball cap, wide-brim hat,
      claw clip/hair claw, headband, watch, wallet, beaded bracelet, cuff bracelet, charm necklace,
      name necklace
      """,
    products: """
      hoop earrings, pendant necklace, tennis bracelet, stacking ring, tote bag, crossbody bag, silk scarf,
      sunglasses, claw clip, bucket hat, watch, signet ring
      """,
    styles: "dainty, chunky, statement, personalized, stackable, handmade",
    materials: """
      gold, 14k gold, sterling silver, gold-filled, pearl, freshwater pearl, enamel, raffia, straw, turquoise,
      moonstone, rose gold, resin, crystal
      """,
    details: """
      a dainty chain, a pearl drop, mixed metals, an initial charm, a woven strap, a gold clasp,
      a hammered finish, birthstones, a paperclip chain, a chain strap, a tassel, braided leather,
      crystal accents, an adjustable band
      """,
    boards: "Jewelry, Accessories, Jewelry Inspo, Bag Goals, Jewelry Box, Accessorize",
    tags: "jewelry, accessories, jewelry inspo, bags",
    productShare: 0.45, priceRange: 12...500, popularity: 0.9)
}
