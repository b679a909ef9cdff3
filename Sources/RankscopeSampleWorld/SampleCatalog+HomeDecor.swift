extension SampleCatalog {
  /// Rooms and their furnishing: styles are interior styles, materials are finishes and surfaces.
  static let homeDecor = VerticalVocabulary(
    name: "home decor",
    categories: [kitchenDesign, livingRoom, bedroom, bathroom, homeOrganization],
    styles: """
      modern farmhouse, farmhouse, scandinavian/scandi, mid-century modern/mid century modern/mcm,
      boho/bohemian, minimalist, japandi, coastal, industrial, traditional, transitional, modern, contemporary,
      rustic, cottage/cottagecore, french country, english country, organic modern, art deco, mediterranean,
      vintage, eclectic, maximalist, grandmillennial, hollywood regency, southwestern, wabi-sabi,
      warm minimalist
      """,
    materials: """
      white oak, walnut, marble, brass, rattan, linen, velvet, jute, travertine, terrazzo, reclaimed wood,
      matte black/black metal, ceramic, concrete, cane, bouclé/boucle, leather, wool, limestone, copper, glass,
      plaster, limewash, wicker, teak, bamboo, stone
      """,
    occasions: """
      christmas, holiday, fall/autumn, spring, summer, winter, halloween, thanksgiving, easter,
      rental/renter-friendly, small space, budget, first apartment, lake house, beach house, guest-ready,
      new build, vacation rental
      """,
    adjectives: """
      cozy, bright, airy, warm, moody, elegant, calm, timeless, inviting, dreamy, chic, charming, serene, bold,
      fresh, light-filled, layered, welcoming, relaxed, earthy, sophisticated, playful, understated, stunning,
      gorgeous, peaceful
      """,
    titlePatterns: [
      "{style} {subject} with {detail}[ and {detail2}]",
      "{adjective} {style} {subject} with {material} <accents|details|touches>",
      "{number} {style} {subject} ideas <you'll love|to steal|for every budget|we can't stop saving|to try this year>",
      "{colour} {subject} <ideas|inspiration|inspo> for {a} {adjective} home",
      "How to style {as} {style} {subject}",
      "{material} {subject} <done right|that feels timeless|we're obsessed with|for a warm, lived-in look>",
      "{adjective} {colour} {subject} with {detail}",
      "Our {style} {subject} <makeover|reveal|refresh|transformation>[ on a budget]",
      "{occasion} {subject} <decor|styling> ideas",
      "{style} {material} {subject} <for small spaces|that works in any home|on a budget>",
      "The {adjective} {subject} <trend|look> everyone is saving",
      "Before and after: {adjective} {style} {subject}",
      "{subject} <goals|inspo>: {style} with {detail}",
    ],
    videoTitlePatterns: [
      "Watch our {style} {subject} <transformation|makeover|glow-up>",
      "{subject} tour: {adjective} {style} <vibes|details>",
      "DIY {material} {subject} <update|hack|refresh>",
      "{number} ways to style {as} {adjective} {subject}",
    ],
    productTitlePatterns: [
      "{style} {material} {subject}",
      "{colour} {material} {subject}",
      "{material} {subject}[ in {colour}]",
      "{style} {subject} in {colour} {material}",
    ],
    openingSentences: [
      "<Love|Obsessed with|Can't stop thinking about> how the {material} <warms up|grounds|softens> {this} {style} {subject}.",
      "{as} {adjective} {style} {subject} with {detail} and plenty of <natural light|texture|personality>.",
      "{this} {subject} <prove{s}|show{s}> that {style} <design|style> can feel {adjective} and {adjective2}.",
      "<We|I> gave our {subject} {a} {style} <refresh|makeover|update> with {detail}.",
      "{colour} walls, {material} <accents|details> and {detail} make {this} {subject} feel {adjective}.",
      "Everything about {this} {adjective} {subject} {is} <perfect|just right|a dream>, from the {material} to the {detail}.",
      "Bringing {style} <charm|style|warmth> to {as} {occasion} {subject}.",
      "{as} {subject} mixing {material} and {material2} for {a} {adjective}, {style} feel.",
    ],
    middleSentences: [
      "Adding {detail} brings <warmth|character|contrast|texture> without <feeling busy|overwhelming the space|breaking the budget>.",
      "Pair {material} with {colour} <accents|textiles|paint> for a <calm|cohesive|layered> look.",
      "<Tip|Designer tip|Pro tip>: repeat {material} <two or three times|across the room> so the space feels pulled together.",
      "Works just as well in {a} {otherStyle} home.",
      "Most of the pieces are <thrifted|from budget stores|vintage finds|handmade>.",
      "The {colour} palette keeps it <calm|grounded|fresh> all year round.",
      "Swap in {detail2} for {a} {occasion} <update|refresh|twist>.",
      "<Paint|Hardware|Lighting> made the biggest difference for the smallest cost.",
    ],
    closingSentences: [
      "Save for your next <makeover|refresh|renovation>!",
      "<Click through|Tap through> for the full <source list|room tour|shopping list>.",
      "More {style} ideas on the blog.",
      "Which detail is your favorite?",
      "Get the look with our <shopping guide|budget picks|favorite finds>.",
    ],
    productSentences: [
      "Crafted from {material} with {a} {colour} finish.",
      "{a} {adjective} <piece|addition> for any {style} <room|space|home>.",
      "<Available in three sizes|Sold individually|Set of two>.",
      "<Free shipping|Ships in 3-5 business days|Easy returns within 30 days>.",
      "Pairs beautifully with {detail}.",
    ],
    boardPatterns: [
      "{style} Home", "{style} <Decor|Style|Living>", "<Dream|Future> Home", "{occasion} Decor",
      "<Home Inspo|Home Sweet Home|Interior Goals|House Ideas>", "{colour} Rooms",
    ],
    domains: """
      nestandnook.com, thehomebase.co, driftwoodinteriors.com, theoakandlinen.com, hearthroomjournal.com,
      brightcorners.co, mapleandmortar.com, studioterrace.com, theroomedit.com, housewrenblog.com,
      plasterandpine.com
      """,
    shopDomains: "oaklinehome.com, hearthandhaven.shop, casaclay.co, thelinenloft.shop",
    querySuffixes: "ideas, inspo, decor, diy, inspiration, aesthetic",
    tags: "home decor, interior design, home inspo, decor ideas, interiors",
    colourInText: 0.55,
    videoShare: 0.15)

  static let kitchenDesign = CategoryVocabulary(
    name: "kitchen design",
    subjects: """
      kitchen, small kitchen, galley kitchen, kitchen island, backsplash, range hood, breakfast nook,
      butler's pantry, kitchen cabinets, kitchen shelving/open shelves, coffee bar/coffee station, kitchen sink,
      kitchen countertops/countertops, kitchen lighting, kitchen remodel/kitchen renovation,
      open-concept kitchen, kitchen banquette, kitchen hardware, wet bar, kitchen window, kitchen flooring,
      kitchen tile, two-tone kitchen, l-shaped kitchen, apartment kitchen, scullery, dining nook,
      kitchen layout, cabinet colors, kitchenette, outdoor kitchen
      """,
    products: """
      pendant light, counter stool/bar stool, cabinet pulls/drawer pulls, kitchen faucet, canister set,
      runner rug, floating shelf, pot rack, utensil crock, dish rack
      """,
    styles: "shaker, european, parisian, old world, cabin, modern rustic",
    materials: """
      butcher block, soapstone, quartz, quartzite, granite, zellige tile, subway tile, stainless steel,
      unlacquered brass, painted wood
      """,
    details: """
      open shelving, brass fixtures, a farmhouse sink, a waterfall island, zellige tile, a butcher block island,
      glass-front cabinets, a plaster range hood, pendant lights, a marble backsplash, two-tone cabinets,
      a built-in banquette, a pot filler, an apron-front sink, unlacquered brass hardware, a walk-in pantry,
      counter stools, a statement range, a beverage fridge, floating shelves, a coffee station, inset cabinets,
      a skylight, sage green cabinets, a vintage runner
      """,
    boards: """
      Dream Kitchen Ideas, Kitchen Inspo, Kitchen Remodel, Kitchen Design, Kitchen Goals, Future Kitchen
      """,
    tags: "kitchen design, kitchen ideas, kitchen inspo, kitchen remodel",
    productShare: 0.18, priceRange: 15...1200, popularity: 1.5)

  static let livingRoom = CategoryVocabulary(
    name: "living room",
    subjects: """
      living room, sofa/couch, sectional, coffee table, gallery wall, fireplace, mantel, accent chair,
      reading nook, tv wall/media wall, built-ins/built-in shelves, bookshelf/bookcase, console table, area rug,
      throw pillows, curtains/drapes, floor lamp, side table, family room, sunroom, den,
      open-concept living room, small living room, living room layout, entertainment center, window seat,
      ottoman, bar cart, plant corner, accent wall
      """,
    products: """
      accent chair, coffee table, throw pillow cover, area rug, floor lamp, side table, sofa/couch,
      ottoman/pouf, wall mirror, throw blanket, console table, bookshelf
      """,
    styles: "neutral, moody, cabin, lodge, parisian, california casual",
    materials: "mohair, sheepskin, cotton, oak, burl wood, chrome",
    details: """
      a sectional sofa, a gallery wall, built-in bookshelves, a statement rug, layered throws, a vintage rug,
      a sculptural coffee table, arched windows, a stone fireplace, wood beams, a reading chair,
      plants in every corner, a brass floor lamp, linen curtains, a leather accent chair, picture ledges,
      a limewashed wall, wainscoting, a cozy window seat, floor-to-ceiling windows, oversized art,
      a velvet sofa, a vintage trunk coffee table
      """,
    boards: """
      Living Room Ideas, Cozy Living Room, Living Room Decor, Family Room, Living Spaces, Lounge Inspo
      """,
    tags: "living room, living room decor, cozy home, living room ideas",
    productShare: 0.22, priceRange: 30...2400, popularity: 1.4)

  static let bedroom = CategoryVocabulary(
    name: "bedroom",
    subjects: """
      bedroom, primary bedroom/master bedroom, guest room/guest bedroom, headboard, bedding, nightstand,
      bed frame, canopy bed, kids room, nursery, teen bedroom, small bedroom, dorm room, bedroom wall,
      reading corner, bedside table, dresser, vanity corner, wardrobe, bedroom accent wall, bedroom nook,
      four-poster bed, loft bedroom, shared kids room, attic bedroom, end-of-bed bench, bedroom lighting,
      bedroom makeover
      """,
    products: """
      duvet cover, upholstered headboard, nightstand, bed frame, linen sheet set, throw pillow, table lamp,
      dresser, full-length mirror, quilt, wall sconce
      """,
    styles: "hotel-style, romantic, neutral, moody, kid-friendly, cabin",
    materials: "cotton, silk, sheepskin, mohair, oak, burl wood",
    details: """
      linen bedding, an upholstered headboard, a canopy, layered throws, wall sconces, a tufted bench,
      sheer curtains, a paneled accent wall, matching nightstands, a vintage rug, a fluted dresser,
      a cane headboard, a gallery of framed prints, blackout curtains, a cozy reading chair, fairy lights,
      a wallpapered ceiling, plenty of pillows, a waffle-knit throw, woven pendant lights
      """,
    boards: """
      Bedroom Ideas, Dream Bedroom, Cozy Bedroom, Master Bedroom Ideas, Guest Room, Bedroom Decor, Nursery Ideas
      """,
    tags: "bedroom decor, bedroom ideas, cozy bedroom, bedroom inspo",
    productShare: 0.2, priceRange: 20...1800, popularity: 1.3)

  static let bathroom = CategoryVocabulary(
    name: "bathroom",
    subjects: """
      bathroom, small bathroom, primary bathroom/master bathroom, powder room, half bath, shower,
      walk-in shower, bathtub/tub, clawfoot tub, bathroom vanity/vanity, double vanity, shower tile,
      bathroom tile, bathroom mirror, bathroom shelves, kids bathroom, guest bathroom, wet room,
      bathroom remodel/bathroom renovation, bathroom floor, shower niche, freestanding tub, bathroom lighting,
      bathroom storage, bathroom wallpaper, vanity area
      """,
    products: """
      bath towel set, vanity mirror, bath mat, shower curtain, soap dispenser, towel rack, vanity light,
      bath caddy, storage basket
      """,
    styles: "spa-like/spa, hotel-inspired, retro, moody, luxe, neutral",
    materials: """
      zellige tile, subway tile, fluted glass, penny tile, encaustic tile, tadelakt, chrome, polished nickel,
      porcelain, microcement/micro cement
      """,
    details: """
      a floating vanity, a walk-in shower, brass fixtures, a freestanding tub, checkerboard floors, a skylight,
      a fluted glass partition, a vintage mirror, open shelving, bold wallpaper, a rainfall shower head,
      a built-in niche, green tile, a pedestal sink, heated floors, a wood vanity,
      sconces on both sides of the mirror, a shower bench, plaster walls, arched mirrors
      """,
    boards: """
      Bathroom Ideas, Bathroom Remodel, Dream Bathroom, Powder Room, Bathroom Inspo, Spa Bathroom
      """,
    tags: "bathroom ideas, bathroom design, bathroom remodel, bathroom inspo",
    productShare: 0.18, priceRange: 12...900, popularity: 1.2)

  static let homeOrganization = CategoryVocabulary(
    name: "home organization",
    subjects: """
      pantry, closet, walk-in closet, garage, laundry room, mudroom, entryway, junk drawer, kitchen drawers,
      under-sink cabinet, linen closet, fridge/refrigerator, spice cabinet, toy storage, playroom, home office,
      desk, craft room, bathroom cabinet, shoe storage, family command center, cleaning closet, coat closet,
      kids closet, small closet, pantry shelves, cable management, bookshelf
      """,
    products: """
      drawer organizer, storage bins/storage bin set, label maker, lazy susan, pegboard, over-the-door rack,
      spice rack, stackable baskets, closet system, shoe rack, rolling cart
      """,
    styles: "labeled, clutter-free, space-saving, ikea hack, color-coded, family-friendly",
    materials: """
      clear acrylic/acrylic, seagrass, water hyacinth, canvas, wire, pine, glass jar, metal mesh
      """,
    details: """
      clear bins, labeled jars, woven baskets, a pegboard wall, lazy susans, drawer dividers,
      over-the-door storage, pull-out drawers, a label maker, stackable bins, floating shelves,
      hooks for everything, a rolling cart, hanging shoe racks, tension rods, turntables, shelf risers,
      matching hangers, vertical file holders, under-bed bins, a chore chart, cubbies
      """,
    boards: """
      Organization Ideas, Home Organization, Get Organized, Pantry Goals, Declutter, Clean & Organized,
      Closet Organization
      """,
    tags: "organization, home organization, declutter, storage ideas, organized home",
    productShare: 0.25, priceRange: 8...600, popularity: 1.2)
}
