extension SampleCatalog {
  /// Gardens and plants: styles are garden styles, materials are plants (or pots and hardscape).
  static let gardening = VerticalVocabulary(
    name: "gardening",
    categories: [vegetableGardening, flowerGardening, houseplants, backyardLandscaping, containerGardening],
    styles: """
      cottage/cottage garden, english, japanese, mediterranean, modern, native, pollinator-friendly,
      low-maintenance, drought-tolerant, organic, small-space, budget, formal, wild, tropical, xeriscape/desert,
      permaculture, beginner
      """,
    materials: "",
    occasions: """
      spring, summer, fall/autumn, winter, early spring, late summer, mother's day, easter, halloween,
      christmas, weekend, first-year
      """,
    adjectives: """
      lush, easy, thriving, colorful, cheerful, peaceful, charming, abundant, tidy, wild, fragrant, productive,
      dreamy, beautiful, vibrant, cozy, simple, green, serene, bountiful
      """,
    titlePatterns: [
      "{adjective} {style} {subject} with {material} and {detail}",
      "How to grow {material} in {as} {style} {subject}",
      "{number} {occasion} {subject} ideas <for every yard|you'll want to copy|on a budget>",
      "{style} {subject} <ideas|inspiration|plan>",
      "{material} {subject} <tips|for beginners|that actually works>",
      "{colour} {material} {subject}",
      "Our {adjective} {subject}: {material}, {material2} and {detail}",
      "{style} {subject} on a budget",
      "<Plant|Grow> {material} for {as} {adjective} {occasion} {subject}",
      "{adjective} {subject} with {detail}",
    ],
    videoTitlePatterns: [
      "{subject} <tour|update|makeover>: {adjective} {style} <vibes|garden>",
      "How I plant {material} in {minutes} minutes",
      "<Watch|Time-lapse>: building {as} {style} {subject}",
    ],
    productTitlePatterns: [
      "{colour} {subject}",
      "{subject}[ – set of 3]",
      "<Classic|Large|Handmade|Weatherproof|Heirloom> {subject}",
    ],
    openingSentences: [
      "{this} {adjective} {style} {subject} {is} <packed|filled|overflowing> with {material} and {material2}.",
      "<We|I> built {this} {subject} <in a weekend|for under $100|from scrap wood> and planted {material}.",
      "{as} {style} {subject} with {detail} that <thrive{s}|look{s} good|keep{s} going> from {occasion} onward.",
      "Everything you need to know to grow {material} in {as} {subject}.",
      "{material} <loves|thrives in|needs> full sun and <well-drained soil|regular water|a little patience>.",
      "Our {occasion} {subject}: {adjective}, {adjective2} and <easy to care for|full of color|buzzing with bees>.",
      "{a} {colour} and green {subject} with {material} and {detail}.",
    ],
    middleSentences: [
      "<Tip|Gardener's tip>: add {detail2} to <keep weeds down|save water|attract pollinators>.",
      "Pair {material} with {material2} for <color all season|a natural pest barrier|layers of texture>.",
      "Works in {a} {otherStyle} garden too.",
      "Water deeply <once a week|every few days|in the morning> once established.",
      "Plant after your last frost date for the best results.",
    ],
    closingSentences: [
      "Save for planting season!",
      "Full plant list on the blog.",
      "Tap through for the layout.",
      "More {style} garden ideas on my page.",
      "What are you planting this year?",
    ],
    productSentences: [
      "Made to last season after season.",
      "<Includes drainage holes|Weather resistant|Easy to assemble|Rot-resistant>.",
      "Available in {colour}.",
      "<Ships in 3-5 days|Free shipping|Backed by a two-year warranty>.",
    ],
    boardPatterns: [
      "{style} Garden", "<Garden Ideas|Garden Inspo|Gardening|Grow Your Own|Backyard Ideas|Garden Goals>",
      "{occasion} Garden",
    ],
    domains: """
      thegardenledger.com, rootandbloom.co, backyardharvest.blog, theplantdiaries.com, soilandsun.com,
      greenthumbnotes.com, bloomandbramble.com, thepottingbench.co, leafandloam.com
      """,
    shopDomains: "gardenandgather.shop, terrapots.co, seedhouse.shop",
    querySuffixes: "ideas, for beginners, diy, tips, layout, garden",
    tags: "gardening, garden ideas, garden inspo, grow your own, plants",
    colourInText: 0.3,
    videoShare: 0.2)

  static let vegetableGardening = CategoryVocabulary(
    name: "vegetable gardening",
    subjects: """
      raised bed/raised garden bed, vegetable garden, kitchen garden, potager, herb garden, greenhouse,
      cold frame, trellis, garden layout, square foot garden, seed starting setup, compost bin, garden beds,
      salsa garden, no-dig garden, polytunnel, companion planting plan, vertical garden,
      succession planting plan, backyard farm
      """,
    products: """
      raised garden bed kit, seed starter kit, garden trellis, compost bin, grow lights, heirloom seed set,
      garden gloves, watering can, pruning shears
      """,
    styles: "no-dig, square foot, high-yield, heirloom",
    materials: """
      tomatoes, cucumbers, zucchini, peppers, lettuce, kale, carrots, beans, peas, garlic, onions, potatoes,
      strawberries, herbs, basil, squash, pumpkins, radishes, spinach, beets, cherry tomatoes, sweet potatoes,
      melons, swiss chard/chard
      """,
    details: """
      drip irrigation, cedar boards, a cattle panel arch, wood chip paths, straw mulch, companion flowers,
      marigold borders, bird netting, a compost corner, a potting bench, a rain barrel, gravel paths,
      row covers, hardware cloth
      """,
    boards: "Vegetable Garden, Grow Food, Raised Beds, Garden Planning, Homestead Garden",
    tags: "vegetable garden, raised beds, grow food, kitchen garden",
    productShare: 0.15, priceRange: 5...400, popularity: 1.2)

  static let flowerGardening = CategoryVocabulary(
    name: "flower gardening",
    subjects: """
      flower garden, flower bed, flower border, cutting garden, pollinator garden, rose garden,
      wildflower meadow, front yard garden, shade garden, perennial bed, spring bulb display, dahlia patch,
      butterfly garden, moon garden, rain garden, rock garden, bee garden, garden arch
      """,
    products: """
      bulb collection, flower seed mix, garden obelisk, bird bath, garden kneeler, flower frog
      """,
    styles: "romantic, pastel, cutting, all-white",
    materials: """
      roses, peonies, hydrangeas, dahlias, lavender, tulips, daffodils, zinnias, cosmos, sunflowers,
      coneflowers/echinacea, black-eyed susans, foxgloves, delphiniums, hollyhocks, salvia, catmint, alliums,
      ranunculus, sweet peas, clematis, snapdragons, lilies, daisies, asters, hostas, ferns
      """,
    details: """
      a picket fence, a rose arch, winding gravel paths, edging stones, a birdbath, a garden bench,
      a brick border, layered heights, repeat plantings, ornamental grasses, a wooden obelisk, a stone wall,
      self-seeding annuals, a water feature
      """,
    boards: "Flower Garden, Cottage Garden, Cut Flowers, Garden Flowers, Perennials",
    tags: "flower garden, flowers, cottage garden, perennials",
    productShare: 0.12, priceRange: 6...250, popularity: 1.2)

  static let houseplants = CategoryVocabulary(
    name: "houseplants",
    subjects: """
      monstera, pothos, fiddle leaf fig, snake plant, zz plant, peace lily, calathea, philodendron,
      string of pearls, rubber plant, bird of paradise, alocasia, hoya, spider plant, cactus, succulent, bonsai,
      orchid, boston fern/fern, olive tree, aloe vera, air plant, prayer plant, chinese money plant/pilea,
      english ivy, jade plant, anthurium, plant shelf, plant corner, terrarium, string of hearts, haworthia
      """,
    products: """
      ceramic planter, self-watering pot, plant stand, grow light, moss pole, macrame plant hanger,
      watering can, mister
      """,
    styles: "low-light, pet-safe, trailing, rare, easy-care, statement",
    materials: """
      terracotta, ceramic, concrete, glazed stoneware, rattan basket, macrame, glass, leca, sphagnum moss,
      orchid bark, perlite, coco coir
      """,
    details: """
      a moss pole, bright indirect light, a grow light, a pebble tray, a humidifier, a trellis,
      a propagation station, a plant shelf, a hanging planter, a self-watering pot, a cozy window corner,
      chunky soil mix, weekly misting
      """,
    boards: "Houseplants, Plant Love, Indoor Plants, Plant Mom, Urban Jungle, Plant Care",
    tags: "houseplants, indoor plants, plant care, urban jungle",
    productShare: 0.2, priceRange: 8...200, popularity: 1.3, colourInText: 0.2,
    titlePatterns: [
      "{adjective} {subject} in {a} {material} <pot|planter>",
      "How to care for your {subject}[ with {detail}]",
      "{style} {subject} care <guide|tips|101>",
      "{number} {style} houseplants like the {subject} <for beginners|that are hard to kill|for dark corners>",
      "{subject} <propagation|repotting|care> with {detail}",
      "My {subject} <setup|corner|update> with {detail}",
      "{colour} {material} planter for {as} {adjective} {subject}",
      "{adjective} {style} {subject} <inspo|goals|tips>",
    ],
    videoTitlePatterns: [
      "{subject} <care routine|repotting day|propagation update>",
      "How I keep my {subject} {adjective}",
      "Repotting my {subject} into {a} {material} pot",
    ],
    openingSentences: [
      "{this} {adjective} {subject} live{s} in {a} {material} pot with {detail}.",
      "Keep your {subject} {adjective} with {detail} and <a little patience|the right soil|less water than you think>.",
      "{as} {style} {subject} that <thrive{s}|grow{s} like crazy|stay{s} happy> with {detail}.",
      "Everything I learned <repotting|caring for|propagating> my {subject}, from {material} to {detail}.",
      "Our {subject} moved into {a} {colour} {material} planter and love{s} it.",
    ],
    middleSentences: [
      "<Tip|Plant tip>: let the top inch of soil dry out before watering.",
      "It pairs well with {a} {otherStyle} plant on the same shelf.",
      "Add {detail2} if the leaves start to curl.",
      "Rotate it every week so it grows evenly.",
    ])

  static let backyardLandscaping = CategoryVocabulary(
    name: "backyard landscaping",
    subjects: """
      backyard, front yard, patio, deck, fire pit area, pergola, outdoor living space, garden path/walkway,
      retaining wall, privacy screen, outdoor kitchen, hardscape, lawn alternative, front porch, gazebo,
      backyard oasis, pool area, courtyard, side yard, garden edging, outdoor lighting, water feature, pond,
      dry creek bed, sloped yard
      """,
    products: """
      string lights, fire pit, outdoor rug, patio set, solar path lights, planter box, hammock,
      outdoor cushions, shade sail
      """,
    styles: "resort-style, zen, modern farmhouse, coastal",
    materials: """
      paver, flagstone, gravel, pea gravel, decomposed granite, cedar, corten steel, brick, concrete, composite,
      river rock, bluestone, natural stone, timber, travertine
      """,
    details: """
      string lights, a fire pit, built-in seating, a pergola, stepping stones, outdoor curtains, a hot tub,
      raised planters, solar path lights, an outdoor rug, a hammock, a privacy hedge, a water fountain,
      an outdoor sectional, a shade sail, a garden shed, boxwood hedges, ornamental grasses
      """,
    boards: "Backyard Ideas, Patio Ideas, Outdoor Living, Landscaping, Curb Appeal, Backyard Oasis",
    tags: "backyard ideas, landscaping, patio, outdoor living",
    productShare: 0.15, priceRange: 20...1500, popularity: 1.2, colourInText: 0.15,
    titlePatterns: [
      "{adjective} {style} {material} {subject} with {detail}",
      "{number} {style} {subject} ideas <for every yard|you'll want to copy|on a budget>",
      "{material} {subject} <ideas|on a budget|that looks high-end>",
      "{style} {subject} with {detail}[ and {detail2}]",
      "Our {subject} <makeover|transformation|glow-up>: {material} and {detail}",
      "{occasion} {subject} <refresh|ideas|inspo>",
      "{colour} {subject} with {detail}",
      "How to build {as} {material} {subject}",
    ],
    videoTitlePatterns: [
      "{subject} <tour|makeover|update>: {adjective} {style} <vibes|yard>",
      "<Watch|Time-lapse>: building {as} {material} {subject}",
      "Our {occasion} {subject} <reveal|glow-up>",
    ],
    openingSentences: [
      "{this} {adjective} {style} {subject} use{s} {material} and {detail} to <feel like a getaway|extend the living space|make the most of a small yard>.",
      "<We|I> built {this} {material} {subject} <in a weekend|for under $500|over one summer> and added {detail}.",
      "{as} {style} {subject} with {detail}, made for {occasion} evenings outside.",
      "Everything about {this} {subject} {is} {adjective}, from the {material} to the {detail}.",
    ],
    middleSentences: [
      "<Tip|Landscaper tip>: plan drainage before you lay any {material}.",
      "Add {detail2} for <privacy|shade|evening light>.",
      "Works in {a} {otherStyle} yard too.",
      "Budget tip: do the demo yourself and hire out the {material} work.",
    ])

  static let containerGardening = CategoryVocabulary(
    name: "container gardening",
    subjects: """
      container garden, balcony garden, window box, hanging basket, patio planter, porch planter, herb pots,
      thriller filler spiller container, vertical planter, rooftop garden, succulent arrangement,
      strawberry planter, grow bag garden, tiered planter, railing planter, urban garden, front door planters,
      apartment garden, herb planter, balcony planters, summer container
      """,
    products: """
      window box planter, self-watering planter, hanging basket, railing planter, grow bags, tiered plant stand,
      watering can
      """,
    styles: "apartment, renter-friendly, balcony, vertical, trailing, cottage-style",
    materials: """
      petunias, geraniums, begonias, impatiens, calibrachoa, sweet potato vine, ferns, herbs, basil, mint,
      strawberries, cherry tomatoes, succulents, lavender, boxwood, ornamental grasses, coleus, pansies, mums,
      trailing ivy, herbs and edible flowers, dwarf citrus, peppers, trailing rosemary
      """,
    details: """
      terracotta pots, a drip tray, self-watering containers, a tiered plant stand, railing hooks,
      trailing vines, matching planters, a trellis insert, pebble mulch, fairy lights, grow bags, coir liners,
      a saucer of pebbles, a hanging rail, a mix of heights, a self-watering reservoir
      """,
    boards: "Container Gardening, Balcony Garden, Porch Planters, Small Space Garden, Window Boxes",
    tags: "container garden, balcony garden, planters, small space gardening",
    productShare: 0.18, priceRange: 8...250, popularity: 1.0)
}
