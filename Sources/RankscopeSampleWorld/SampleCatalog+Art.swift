extension SampleCatalog {
  /// Making and hanging art: styles are art styles, materials are media.
  static let art = VerticalVocabulary(
    name: "art",
    categories: [painting, drawing, digitalArt, potteryAndCeramics, wallArt],
    styles: """
      abstract, minimalist, boho/bohemian, vintage, modern, realistic, impressionist, botanical, whimsical,
      surreal, pop art, folk art, contemporary, mid-century modern/mid century modern, japanese-inspired, moody,
      expressive, geometric, cottagecore, scandinavian
      """,
    materials: "",
    occasions: """
      fall/autumn, winter, spring, summer, christmas, halloween, valentine's day, mother's day, holiday,
      inktober, rainy day, weekend
      """,
    adjectives: """
      beautiful, easy, simple, stunning, loose, dreamy, vibrant, moody, cozy, peaceful, playful, bold, soft,
      striking, relaxing, expressive, delicate, colorful, charming, calming
      """,
    titlePatterns: [
      "{adjective} {style} {material} {subject}[ <for beginners|step by step|tutorial>]",
      "<How to create|Learn to make> {as} {style} {subject} with {material}",
      "{number} {style} {subject} ideas <to try this weekend|for beginners|for your walls>",
      "{material} {subject}: {adjective} and {style}",
      "{colour} {subject} with {detail}",
      "My {adjective} {occasion} {subject}",
      "{style} {subject} <inspiration|inspo|study>",
      "{style} {material} {subject} with {detail}",
      "{adjective} {subject} <ideas|inspo> in {colour}",
    ],
    videoTitlePatterns: [
      "<Paint|Create|Make> with me: {adjective} {style} {subject}",
      "{minutes}-minute {material} {subject}",
      "{subject} <process|timelapse|tutorial>[ with {material}]",
    ],
    productTitlePatterns: [
      "{style} {colour} {subject}",
      "{material} {subject}",
      "{adjective} {style} {subject}",
    ],
    openingSentences: [
      "{this} {adjective} {style} {subject} use{s} {material} and {detail}.",
      "{as} {subject} I made in <one sitting|a weekend|about {minutes} minutes> with {material}.",
      "Learn to create {as} {adjective} {subject} step by step, starting with {detail}.",
      "<Loving|Obsessed with> how {this} {material} {subject} turned out: {adjective}, {adjective2} and a little {style}.",
      "My {occasion} {subject}, all {colour} tones and {detail}.",
    ],
    middleSentences: [
      "<Tip|Artist tip>: {detail2} keeps it from feeling flat.",
      "Try it in {colour} for a different mood.",
      "Works for {a} {otherStyle} feel too.",
      "<Supplies|Materials> are linked on the blog.",
      "Don't worry about perfection; <loose|imperfect|messy> is the point.",
    ],
    closingSentences: [
      "Save for your next art session!",
      "Full tutorial on the blog.",
      "Tap through for the supply list.",
      "More {style} art on my page.",
      "Would you try this?",
    ],
    productSentences: [
      "<Printed on archival paper|Hand-finished|Signed by the artist|Made to order>.",
      "<Available in five sizes|Frame not included|Ships rolled in a tube>.",
      "{a} {adjective} piece for {a} {style} <living room|gallery wall|studio>.",
      "Shown in {colour} tones.",
    ],
    boardPatterns: [
      "{style} Art", "<Art Inspiration|Art Ideas|Creative|Art Journal|Sketchbook|Art Projects>", "{occasion} Art",
    ],
    domains: """
      thestudiopages.com, brushandbloom.co, sketchbooknotes.blog, inkandwash.com, thecreativecorner.art,
      palettejournal.co, loosestrokes.com, clayandcanvas.co
      """,
    shopDomains: "printloft.shop, studiowallart.co, theartsupply.shop",
    querySuffixes: "ideas, tutorial, for beginners, easy, inspiration, aesthetic",
    tags: "art, art inspiration, creative, artist, art ideas",
    colourInText: 0.45,
    videoShare: 0.3)

  static let painting = CategoryVocabulary(
    name: "painting",
    subjects: """
      painting, landscape painting, floral painting, still life, portrait, abstract painting, seascape,
      sunset painting, mushroom painting, canvas painting, mini canvas painting, mural, sky painting,
      tree painting, mountain painting, night sky painting, lemon painting, cottage painting, bird painting,
      pet portrait, plein air study, color study, watercolor flowers, abstract landscape, coastal painting,
      christmas card painting, forest painting, fruit still life
      """,
    products: "watercolor set, acrylic paint set, brush set, canvas panels, gouache set, easel, palette",
    styles: "loose, impasto, palette knife, tonal, soft, gestural, luminous, textured",
    materials: """
      watercolor, acrylic, oil paint, gouache, pour paint, oil pastel, mixed media, tempera, ink, alcohol ink,
      encaustic, acrylic gouache
      """,
    details: """
      a limited palette, palette-knife texture, wet-on-wet washes, gold leaf accents, negative painting,
      bold brushstrokes, soft glazing layers, masking fluid, a textured background, splatter effects,
      dry brush details, thick impasto layers, complementary colors, salt texture, a glazed finish,
      layered washes, scraped highlights
      """,
    boards: "Painting Ideas, Painting, Watercolor Art, Acrylic Painting, Canvas Painting Ideas, Paint Inspo",
    tags: "painting, painting ideas, watercolor, acrylic painting",
    productShare: 0.15, priceRange: 8...250, popularity: 1.2)

  static let drawing = CategoryVocabulary(
    name: "drawing",
    subjects: """
      sketch, pencil drawing, portrait drawing, figure drawing, hands study, eye drawing, flower drawing,
      botanical illustration, line art, doodles, sketchbook page, character design, ink drawing, cartoon,
      urban sketch, still life drawing, animal drawing, anime drawing, perspective drawing, shading study,
      tattoo design, cross-hatching study, zentangle, fashion illustration, architectural sketch,
      food illustration, self portrait
      """,
    products: "sketchbook, graphite pencil set, fineliner set, alcohol markers, charcoal set, colored pencils",
    styles: "gesture, cartoon, anime, continuous line, urban sketching, sketchy, hyperrealistic, loose",
    materials: """
      graphite, charcoal, colored pencil, ink, fineliner, micron pen, brush pen, pastel, chalk pastel, conté,
      ballpoint pen, marker, alcohol marker, toned paper
      """,
    details: """
      cross-hatching, soft shading, bold linework, a toned background, white highlights, gesture lines,
      a grid method, blending stumps, stippling, contour lines, a limited value range, loose construction lines,
      crisp outlines, smudged charcoal shadows, hatched midtones
      """,
    boards: "Drawing Ideas, Sketchbook, Drawing Tutorials, Art Sketches, Doodles, Sketch Inspo",
    tags: "drawing, sketch, drawing ideas, sketchbook",
    productShare: 0.15, priceRange: 5...120, popularity: 1.1)

  static let digitalArt = CategoryVocabulary(
    name: "digital art",
    subjects: """
      digital illustration, digital painting, procreate art, character illustration, portrait illustration,
      hand lettering, logo design, sticker design, pattern design, phone wallpaper, pixel art, concept art,
      fan art, animation, illustrated map, book cover, poster design, icon set, comic, digital collage,
      album cover, digital portrait, background art, chibi character, digital landscape
      """,
    products: """
      procreate brush set, sticker sheet, phone wallpaper pack, art print, drawing tablet, color palette pack
      """,
    styles: "anime, retro, flat, painterly, kawaii, cyberpunk, lo-fi, vaporwave, storybook, glitch",
    materials: """
      procreate, ipad, photoshop, illustrator, krita, clip studio paint, blender, fresco, custom brushes,
      texture brushes, affinity designer, canva, aseprite
      """,
    details: """
      grainy textures, a limited color palette, soft lighting, bold outlines, halftone shading, custom brushes,
      glowing highlights, layered gradients, a textured paper overlay, clean vector shapes, cel shading,
      a vintage print effect, isometric perspective, rim lighting, a pastel gradient, risograph grain
      """,
    boards: "Digital Art, Procreate, Illustration, Digital Illustration, Design Inspo, Character Design",
    tags: "digital art, procreate, illustration, digital illustration",
    productShare: 0.2, priceRange: 3...400, popularity: 1.0)

  static let potteryAndCeramics = CategoryVocabulary(
    name: "pottery and ceramics",
    subjects: """
      mug, bowl, vase, planter, plate, pinch pot, coil pot, ring dish/trinket dish, candle holder, teapot,
      serving platter, bud vase, pitcher, wheel-thrown bowl, hand-built vase, sculpture, incense holder,
      spoon rest, soap dish, ceramic tiles, berry bowl, dinnerware set, jewelry dish, butter dish, ceramic lamp,
      ramen bowl, mug set
      """,
    products: "handmade mug, ceramic vase, bud vase, serving bowl, pottery tools set, air-dry clay, glaze set",
    styles: "speckled, hand-built, wheel-thrown, wabi-sabi, rustic, organic, coastal, nordic",
    materials: """
      stoneware, porcelain, earthenware, terracotta, air-dry clay, polymer clay, speckled clay, raku,
      celadon glaze, tenmoku glaze, matte glaze, stoneware clay, shino glaze, underglaze
      """,
    details: """
      a speckled glaze, carved patterns, a drippy glaze, an exposed clay foot, sgraffito designs, fluted sides,
      a matte finish, hand-painted florals, scalloped edges, a wax-resist pattern, a crackle glaze,
      twisted handles, a carved rim, an ombré glaze, a satin finish
      """,
    boards: "Pottery, Ceramics, Pottery Ideas, Clay Projects, Handmade Ceramics, Ceramic Inspiration",
    tags: "pottery, ceramics, clay, handmade ceramics",
    productShare: 0.3, priceRange: 8...250, popularity: 0.9)

  static let wallArt = CategoryVocabulary(
    name: "wall art",
    subjects: """
      gallery wall, art print, abstract print, botanical print, vintage poster, canvas art, framed art,
      large wall art, triptych, photography print, wall hanging, tapestry, line art print, kids room art,
      bathroom art, kitchen print, typography print, map print, travel poster, abstract canvas,
      modern art print, wall art set, oversized print, vintage oil painting, abstract diptych,
      pet portrait print, wedding print
      """,
    products: """
      art print, canvas print, poster frame, picture ledge, tapestry, framed print set, gallery wall frame set
      """,
    styles: "eclectic, neutral, retro, matisse-inspired, bauhaus, japandi, coastal",
    materials: """
      canvas, linen, archival paper, oak frame, brass frame, black frame, fine art paper, wood panel, textile,
      metal, acrylic, paper, reclaimed wood
      """,
    details: """
      mismatched frames, a picture ledge, oversized mats, layered frames, a statement piece,
      a cohesive color palette, brass picture lights, vintage frames, a grid layout,
      an asymmetrical arrangement, matching black frames, a mix of prints and objects, a 3-piece set,
      floating frames, a reading-corner arrangement, gallery lighting, a salon-style hang
      """,
    boards: "Wall Art, Gallery Wall Ideas, Art Prints, Wall Decor, Prints & Posters",
    tags: "wall art, gallery wall, art prints, wall decor",
    productShare: 0.4, priceRange: 10...600, popularity: 1.1)
}
