extension SampleCatalog {
  /// Makeup, skin, hair and nails: styles are looks and skin concerns, materials are formulas and ingredients.
  static let beauty = VerticalVocabulary(
    name: "beauty",
    categories: [makeup, skincare, hairstyles, nailArt],
    styles: """
      natural, glam, minimal/no-makeup, dewy, matte, bold, everyday, drugstore, korean/k-beauty, 90s, y2k, soft,
      fresh, glowy, clean, luxury, editorial, vegan/cruelty-free
      """,
    materials: "",
    occasions: """
      wedding season, prom, date night, everyday, work/office, summer, fall/autumn, winter, holiday, festival,
      night out, new year's eve, halloween, vacation, spring, graduation, wedding guest
      """,
    adjectives: """
      glowy, flawless, fresh, effortless, soft, radiant, easy, gorgeous, natural-looking, long-lasting, simple,
      stunning, polished, sleek, healthy, luminous, pretty, quick, dreamy, subtle
      """,
    titlePatterns: [
      "{adjective} {style} {subject} with {detail}",
      "{style} {subject} <tutorial|routine|look> for {a} {occasion} <look|day|night out>",
      "{number} {colour} {subject} ideas <to try|for every skin tone|you'll love>",
      "{material} {subject} <that actually works|for beginners|worth the hype>",
      "My {adjective} {occasion} {subject}",
      "{colour} {subject} with {detail}",
      "{style} {subject}: {material} and {detail}",
      "The {adjective} {subject} <everyone is saving|of the season|I swear by>",
      "{occasion} {subject} <inspo|ideas|look>",
      "{adjective} {material} {subject} for {a} {style} look",
    ],
    videoTitlePatterns: [
      "<Step-by-step|Easy|Quick> {style} {subject} tutorial",
      "Get ready with me: {adjective} {occasion} {subject}",
      "{minutes}-minute {style} {subject}",
      "How to do {as} {style} {subject} <at home|in minutes|like a pro>",
    ],
    productTitlePatterns: [
      "{material} {subject}",
      "{style} {material} {subject}",
      "{adjective} {subject} in {colour}",
    ],
    openingSentences: [
      "<Obsessed with|Loving|Can't stop wearing> {this} {adjective} {style} {subject} with {detail}.",
      "{this} {subject} use{s} {material} for {a} {adjective} <finish|result|glow>.",
      "{as} {style} {subject} that {is} perfect for {a} {occasion} look.",
      "<All you need|The secret> for {this} {subject}: {material} and {detail}.",
      "My go-to {occasion} {subject}, {adjective} and <easy to recreate|long-lasting|beginner friendly>.",
      "Here's how to get {as} {adjective} {subject} with {material}.",
      "{as} {colour} {subject} with {detail}, {adjective} and {adjective2}.",
    ],
    middleSentences: [
      "<Tip|Pro tip>: don't skip {detail2}.",
      "Works for {a} {otherStyle} look too.",
      "It <lasted all day|held up through a long day|stayed put for hours> without <touch-ups|creasing|frizz>.",
      "Everything used is <drugstore|under $20|cruelty-free|fragrance-free>.",
      "<Patch test first|Start slowly|Go gently> if you're new to {material}.",
      "Shown in {colour}.",
    ],
    closingSentences: [
      "Save for your next <beauty day|get-ready session|salon visit>!",
      "Full product list on the blog.",
      "Tap through for the step-by-step.",
      "More {style} ideas on my page.",
      "Would you try this?",
    ],
    productSentences: [
      "Formulated with {material} for {a} {adjective} finish.",
      "<Suitable for all skin types|Fragrance-free|Vegan and cruelty-free|Dermatologist tested>.",
      "<Best seller|New shade|Limited edition> in {colour}.",
      "<Free shipping over $35|Ships in 1-2 days>.",
    ],
    boardPatterns: [
      "{style} <Makeup|Beauty|Looks>", "<Beauty|Beauty Inspo|Beauty Tips|Glow Up|Self Care|Pretty Things>",
      "{occasion} <Beauty|Glam>",
    ],
    domains: """
      theglowedit.com, dewdropbeauty.co, blushandbrush.com, thebeautyshelf.co, skinnotes.blog,
      polishandpetal.com, thevanitydiaries.com, glossjournal.co, thebeautyblender.blog
      """,
    shopDomains: "glowlab.shop, petalskin.co, luxelacquer.shop",
    querySuffixes: "tutorial, routine, ideas, look, for beginners, aesthetic",
    tags: "beauty, beauty tips, self care, glow up, beauty inspo",
    colourInText: 0.4,
    videoShare: 0.3)

  static let makeup = CategoryVocabulary(
    name: "makeup",
    subjects: """
      makeup look, everyday makeup, eyeshadow look, smoky eye, winged eyeliner/cat eye, eyeliner,
      brows/eyebrows, lashes/eyelashes, lip combo, lipstick, lip liner, lip gloss, blush, contour, highlighter,
      foundation routine, concealer, bridal makeup, prom makeup, halloween makeup, cut crease, graphic liner,
      glitter eyes, faux freckles, monochrome makeup, bronzer, makeup routine, hooded eye makeup, mascara
      """,
    products: """
      lipstick, lip gloss, cream blush, eyeshadow palette, mascara, liquid eyeliner, brow gel, setting spray,
      highlighter, foundation, concealer, makeup brush set, lip liner
      """,
    styles: "soft glam, full glam, clean girl, latte, douyin, sunkissed, smudged, graphic",
    materials: """
      cream, liquid, powder, shimmer, glitter, gel, balm, stick, satin, metallic, pigment, tint, lip oil,
      brow soap
      """,
    details: """
      a soft pink blush, a glossy lip, a winged liner, fluffy brows, a bronzed glow, a lined lip,
      glitter on the lids, faux freckles, a touch of highlighter, a smudged lower lash line, a nude lip,
      bold red lips, a soft matte base, lifted lashes, a cream bronzer, a cool-toned lid, a peachy cheek,
      a sheer wash of color, a pop of gold shimmer
      """,
    boards: "Makeup Looks, Makeup Ideas, Makeup Inspo, Glam, Makeup Tutorials, Everyday Makeup",
    tags: "makeup, makeup looks, makeup inspo, makeup tutorial",
    productShare: 0.25, priceRange: 8...80, popularity: 1.3, colourInText: 0.45)

  static let skincare = CategoryVocabulary(
    name: "skincare",
    subjects: """
      skincare routine, morning routine, night routine, serum, moisturizer, face mask, sunscreen/spf, cleanser,
      toner, eye cream, face oil, exfoliator, lip mask, sheet mask, double cleansing, barrier repair routine,
      body care routine, dark spot treatment, acne treatment, pore routine, gua sha routine, ice roller routine,
      body lotion, hand cream, skin cycling, glass skin routine, essence, face mist
      """,
    products: """
      serum, moisturizer, sunscreen, cleanser, toner, eye cream, face oil, gua sha, sheet mask set,
      exfoliating toner, lip mask
      """,
    styles: """
      dry skin, oily skin, sensitive skin, acne-prone, anti-aging, hydrating, brightening, barrier-friendly,
      fragrance-free, pregnancy-safe, 10-step, 3-step, minimalist, budget
      """,
    materials: """
      hyaluronic acid, niacinamide, vitamin c, retinol, ceramide, peptide, azelaic acid, salicylic acid,
      glycolic acid, lactic acid, snail mucin, centella/cica, squalane, rosehip oil, jojoba oil, aloe vera,
      green tea, rice water, bakuchiol, tranexamic acid, zinc, shea butter, honey, colloidal oatmeal/oat
      """,
    details: """
      a gentle cleanser, a lightweight gel moisturizer, a gua sha, an ice roller, a silk pillowcase,
      a hydrating toner, a weekly exfoliating mask, a rich night cream, a mineral sunscreen, lukewarm water,
      a jade roller, a humidifier, a barrier cream, a spot treatment, an overnight mask, a vitamin c serum
      """,
    boards: "Skincare, Skin Care Routine, Skincare Tips, Glowing Skin, Skin Goals, Self Care",
    tags: "skincare, skin care routine, skincare tips, glowing skin",
    productShare: 0.3, priceRange: 8...120, popularity: 1.3, colourInText: 0.03)

  static let hairstyles = CategoryVocabulary(
    name: "hairstyles",
    subjects: """
      braids, french braid, dutch braid, ponytail, sleek ponytail, messy bun, low bun, half-up half-down,
      beach waves, curls, curtain bangs, bob, lob, pixie cut, shag haircut/shag, layered haircut/layers,
      wolf cut, balayage, highlights, hair color, updo, claw clip hairstyle, space buns, braided crown,
      heatless curls, blowout, box braids, twist out, wash and go, silk press
      """,
    products: """
      hair oil, curling wand, claw clip set, dry shampoo, silk scrunchies, heatless curling rod,
      hair dryer brush, satin bonnet, paddle brush, leave-in conditioner
      """,
    styles: """
      effortless, sleek, voluminous, textured, 70s, french, heatless, curly, wavy, fine hair, thick hair, short,
      long, medium-length
      """,
    materials: """
      sea salt spray, hair oil, mousse, dry shampoo, curl cream, leave-in conditioner, heat protectant,
      hair gel, texture spray, argan oil, rosemary oil, hair mask
      """,
    details: """
      face-framing layers, a silk scrunchie, a claw clip, curtain bangs, a middle part, a side part,
      a satin ribbon, pearl pins, soft waves, a sleek finish, a few loose pieces, a hair bow, gold cuffs,
      baby hairs, a scarf tie, braided accents, a volumizing blowout
      """,
    boards: "Hair Ideas, Hairstyles, Hair Inspo, Hair Goals, Braids, Hair Color Ideas, Easy Hairstyles",
    tags: "hairstyles, hair inspo, hair ideas, easy hairstyles",
    productShare: 0.15, priceRange: 6...150, popularity: 1.3, colourInText: 0.35,
    titlePatterns: [
      "{adjective} {style} {subject} with {detail}",
      "{style} {subject} <tutorial|how-to|for beginners>",
      "{subject} with {material}: {adjective} and {style}",
      "{number} {style} {subject} ideas <to try|for every hair type|you'll love>",
      "My {adjective} {occasion} {subject}",
      "{colour} {subject} <inspo|ideas>",
      "{occasion} {subject} <inspo|ideas|look>",
      "How to get {as} {adjective} {subject} with {material}",
    ])

  static let nailArt = CategoryVocabulary(
    name: "nail art",
    subjects: """
      nails, nail art, manicure, french tips/french manicure, gel nails, acrylic nails, almond nails,
      coffin nails, square nails, short nails, oval nails, chrome nails, ombre nails, marble nails,
      nail designs, press-on nails, pedicure, aura nails, tortoiseshell nails, cat eye nails,
      glazed donut nails, milky nails, jelly nails, abstract nails, floral nails, swirl nails, heart nails,
      star nails, dip powder nails
      """,
    products: """
      gel polish set, press-on nails, nail lamp, cuticle oil, nail art brushes, chrome powder, top coat,
      nail stickers
      """,
    styles: "glazed, 3d, abstract, cute, elegant, funky, holographic, neutral",
    materials: """
      gel, acrylic, dip powder, builder gel, gel polish, chrome powder, foil, glitter, rhinestones/gems,
      nail polish/polish, nail stickers
      """,
    details: """
      gold foil accents, a glitter gradient, tiny hearts, rhinestones, a chrome finish, a french tip twist,
      tiny flowers, a matte top coat, negative space, swirls, pearl accents, dots, a jelly finish,
      micro french tips, star decals, a marble effect, a velvet cat-eye effect, polka dots
      """,
    boards: "Nails, Nail Art, Nail Inspo, Nail Ideas, Mani Ideas, Nails Nails Nails",
    tags: "nails, nail art, nail inspo, nail designs",
    productShare: 0.2, priceRange: 5...90, popularity: 1.4, colourInText: 0.8)
}
