extension SampleCatalog {
  /// Making things: styles are looks and skill levels, materials are yarns, woods, papers and fabrics.
  static let diyAndCrafts = VerticalVocabulary(
    name: "diy and crafts",
    categories: [knittingAndCrochet, woodworking, paperCrafts, sewing, diyHomeProjects],
    styles: """
      easy, beginner/beginner-friendly, budget/budget-friendly, upcycled, handmade, modern, rustic,
      boho/bohemian, scandinavian/scandi, minimalist, vintage, farmhouse, kid-friendly, quick, weekend,
      cottagecore, colorful, heirloom
      """,
    materials: "",
    occasions: """
      christmas, holiday, halloween, easter, valentine's day, mother's day, father's day, fall/autumn, spring,
      summer, winter, back-to-school, baby shower, birthday, gift, wedding, thanksgiving, teacher gift
      """,
    adjectives: """
      easy, quick, simple, beautiful, cozy, clever, cute, gorgeous, satisfying, fun, relaxing, sturdy, charming,
      useful, giftable, unique, lovely, practical, whimsical, polished
      """,
    titlePatterns: [
      "{adjective} {style} {material} {subject}[ <tutorial|pattern|project>]",
      "How to make {as} {style} {subject} with {material}",
      "DIY {material} {subject} with {detail}",
      "{number} {occasion} {subject} ideas <to make this weekend|for beginners|that make great gifts>",
      "{style} {subject}: {a} {adjective} weekend project",
      "<Free|Simple|Easy> {subject} <pattern|plans|template|tutorial>",
      "{colour} {material} {subject} with {detail}",
      "Make {as} {adjective} {subject} from {material}",
      "{occasion} craft: {style} {subject} with {detail}",
      "{adjective} {subject} <you can make in an afternoon|for beginners|on a budget>",
      "My {adjective} {material} {subject}[ with {detail}]",
    ],
    videoTitlePatterns: [
      "How to make {as} {subject} in {minutes} minutes",
      "<Watch me|Let's> make {as} {style} {subject}",
      "{material} {subject} <tutorial|step by step|for beginners>",
      "Satisfying {subject} <build|process|timelapse>",
    ],
    productTitlePatterns: [
      "{style} {material} {subject}",
      "{colour} {material} {subject}",
      "{subject} <starter kit|bundle|for beginners>",
    ],
    openingSentences: [
      "{this} {adjective} {subject} {is} made with {material} and {detail}.",
      "{as} {style} {subject} you can finish in <a weekend|an afternoon|one evening|under {minutes} minutes>.",
      "<I|We> made {this} {subject} from {material} for <under $20|almost nothing|a few dollars>.",
      "Step-by-step tutorial for {as} {adjective} {style} {subject}.",
      "My favorite {occasion} project: {as} {material} {subject} with {detail}.",
      "Turn {material} into {as} {adjective} {subject} with this <easy|simple|beginner-friendly> tutorial.",
      "{as} {adjective} {subject} with {detail}, in {colour}.",
    ],
    middleSentences: [
      "Adding {detail} gives it a <polished|professional|handmade> <look|finish>.",
      "<Perfect for beginners|No special tools needed|Great for using up scraps>.",
      "Try it in {colour} for {a} {occasion} version.",
      "<It makes a great gift|Kids can help with this one|It took me about {minutes} minutes>.",
      "Works with {material2} too.",
      "Would look great in {a} {otherStyle} space.",
    ],
    closingSentences: [
      "Free <pattern|template|plans> on the blog.",
      "Save for your next craft day!",
      "Tap through for the full tutorial.",
      "More {style} projects on my page.",
      "Let me know if you make one!",
    ],
    productSentences: [
      "Everything you need: {material}, instructions and {detail}.",
      "<Beginner friendly|Suitable for ages 12+|Includes a video tutorial>.",
      "Makes {a} {adjective} project in about <two hours|an afternoon|a weekend>.",
      "<Ships in 1-3 days|Digital download|PDF, instant download>.",
    ],
    boardPatterns: [
      "{style} Crafts", "{occasion} Crafts",
      "<DIY Projects|Craft Ideas|Crafty|Make It|Handmade|Craft Room|Things to Make>",
    ],
    domains: """
      thecraftcorner.co, makerandmend.com, scrapandstitch.com, thehandmadehabit.com, weekendmaker.co,
      twineandtimber.com, paperandpine.blog, loopandhook.com, sawdustandsunday.com
      """,
    shopDomains: "thecraftsupply.shop, yarnloft.co, makerkits.shop",
    querySuffixes: "diy, tutorial, pattern, ideas, for beginners, easy",
    tags: "diy, crafts, handmade, diy projects, crafty",
    colourInText: 0.35,
    videoShare: 0.3)

  static let knittingAndCrochet = CategoryVocabulary(
    name: "knitting and crochet",
    subjects: """
      blanket/throw, baby blanket, granny square, cardigan, sweater, beanie, scarf, shawl, cowl, mittens, socks,
      tote bag, market bag, bucket hat, amigurumi, plushie, pillow cover/cushion cover, wall hanging, coasters,
      dishcloth, crop top, sweater vest, ear warmer/headband, baby booties, cable knit sweater,
      temperature blanket, granny square cardigan, pot holders
      """,
    products: """
      yarn bundle, crochet hook set, knitting needles, pattern bundle, beginner crochet kit, stitch markers,
      project bag, blocking mats
      """,
    styles: "chunky, cable knit, textured, lacy, seamless, top-down, one-skein, striped, colorblock",
    materials: """
      chunky yarn, merino wool, cotton yarn, acrylic yarn, mohair, alpaca, chenille yarn, bulky yarn,
      velvet yarn, t-shirt yarn, sock yarn, bamboo yarn, wool blend, worsted weight yarn, dk weight yarn,
      scrap yarn
      """,
    details: """
      a ribbed edge, bobble stitches, a waffle stitch, pom-poms, a scalloped border, cables, fringe,
      puff stitches, color changes, a picot edge, a seed stitch texture, tassels, a folded brim,
      a granny stripe, raglan sleeves, a v-neck
      """,
    boards: """
      Crochet Ideas, Knitting Patterns, Crochet Patterns, Yarn Love, Knit & Crochet, Free Crochet Patterns
      """,
    tags: "crochet, knitting, crochet pattern, knitting pattern, yarn",
    productShare: 0.2, priceRange: 5...80, popularity: 1.2)

  static let woodworking = CategoryVocabulary(
    name: "woodworking",
    subjects: """
      cutting board, floating shelves, coffee table, dining table, bookshelf, workbench, end table/side table,
      bench, plant stand, serving tray, shoe rack, picture frame, headboard, desk, outdoor bench,
      adirondack chair, planter box, wall shelf, step stool, jewelry box, wooden toys, spice rack, coat rack,
      charcuterie board, live edge table/slab table, bed frame, storage cabinet, pallet furniture
      """,
    products: """
      woodworking plans, clamp set, pocket hole jig, hardwax oil, chisel set, hand plane, hairpin legs
      """,
    styles: "mid-century/mid century, live edge, shaker, craftsman, industrial, japanese-inspired",
    materials: """
      walnut, white oak, maple, cherry, pine, cedar, plywood, reclaimed wood, pallet wood, poplar, birch, ash,
      mahogany, teak, epoxy resin, 2x4s/2x4 lumber
      """,
    details: """
      dovetail joints, hairpin legs, a live edge, an epoxy river, a hand-rubbed oil finish, hidden brackets,
      box joints, a routed groove, pocket screws, a walnut inlay, tapered legs, a butterfly key, a drawer,
      a lower shelf, breadboard ends, mortise and tenon joints
      """,
    boards: """
      Woodworking Projects, Woodworking Plans, Wood Shop, DIY Furniture, Woodworking Ideas, Wood Crafts
      """,
    tags: "woodworking, woodworking projects, diy furniture, woodshop",
    productShare: 0.15, priceRange: 10...300, popularity: 0.9)

  static let paperCrafts = CategoryVocabulary(
    name: "paper crafts",
    subjects: """
      greeting cards, handmade cards, origami, paper flowers, scrapbook, junk journal, bullet journal/bujo,
      gift tags, paper garland, paper lanterns, pop-up cards, paper wreath, bookmarks, envelopes, paper stars,
      quilling, stickers, planner spreads, party decorations, cake topper, memory book, photo album,
      advent calendar, gift wrap, piñata/pinata, calligraphy cards
      """,
    products: """
      cardstock pack, washi tape set, paper trimmer, craft knife, stamp set, embossing kit, planner stickers
      """,
    styles: "layered, 3d, watercolor, kawaii, floral, collage, botanical",
    materials: """
      cardstock, washi tape, crepe paper, vellum, kraft paper, tissue paper, origami paper, patterned paper,
      glitter paper, watercolor paper, vinyl, recycled paper, book pages, pressed flowers, embossing powder
      """,
    details: """
      die-cut shapes, gold foil lettering, pressed flowers, hand lettering, layered florals, a wax seal,
      twine bows, stamped patterns, torn paper edges, watercolor washes, tiny pom-poms, embossed details,
      a ribbon closure, a pocket insert, metallic accents
      """,
    boards: "Paper Crafts, Card Making, Journaling, Scrapbooking, Paper Love, Bullet Journal Ideas",
    tags: "paper crafts, card making, journaling, scrapbooking",
    productShare: 0.2, priceRange: 4...90, popularity: 0.8)

  static let sewing = CategoryVocabulary(
    name: "sewing",
    subjects: """
      tote bag, apron, skirt, dress, quilt, patchwork quilt, zipper pouch, scrunchie, table runner, curtains,
      baby romper, pajama pants, bucket hat, top, wrap skirt, drawstring bag, pencil case, oven mitts,
      cloth napkins, fabric basket, pincushion, quilted jacket, headband, cushion cover/pillow cover,
      linen pants, quilted tote, kimono jacket, dog bandana
      """,
    products: """
      sewing pattern, fabric bundle, sewing machine, pinking shears, quilting ruler, rotary cutter, thread set
      """,
    styles: "no-sew, patchwork, quilted, reversible, gathered, tiered, boxy, oversized",
    materials: """
      cotton fabric, linen, quilting cotton, denim, canvas, flannel, gingham, corduroy, fleece, double gauze,
      fabric scraps, vintage sheets, jersey knit, wool felt, rayon challis, waxed canvas
      """,
    details: """
      french seams, a lined interior, bias tape binding, a zipper closure, patch pockets, an elastic waist,
      contrasting topstitching, a drawstring, ruffles, piping, a boxed bottom, hand-quilted lines, pleats,
      a button closure
      """,
    boards: "Sewing Projects, Sewing Patterns, Quilting, Sew It, Sewing Ideas, Sewing for Beginners",
    tags: "sewing, sewing projects, sewing pattern, quilting",
    productShare: 0.2, priceRange: 6...400, popularity: 0.8)

  static let diyHomeProjects = CategoryVocabulary(
    name: "diy home projects",
    subjects: """
      accent wall, board and batten wall, wainscoting, stair makeover, furniture flip/furniture makeover,
      dresser makeover, ikea hack, painted cabinets, peel and stick backsplash, limewash wall, diy headboard,
      built-ins, mudroom bench, faux fireplace, window trim, door makeover, laundry room makeover,
      bathroom refresh, thrift flip, picture ledge, closet makeover, light fixture swap,
      peel and stick wallpaper, fluted panels, arched mirror, bookshelf wall, stair runner,
      kitchen island makeover
      """,
    products: """
      paint sprayer, brad nailer, stud finder, caulk gun, miter saw, peel and stick tile, limewash paint
      """,
    styles: "renter-friendly, weekend, designer-look, high-end look, coastal, traditional, industrial",
    materials: """
      paint, chalk paint, limewash, peel and stick tile, wallpaper, mdf, trim, pole wrap, plywood, wood stain,
      beadboard, shiplap, contact paper, spray paint
      """,
    details: """
      fluted trim, a fresh coat of paint, new hardware, board and batten, arched details, hidden storage,
      peel-and-stick tile, picture frame molding, battery-operated sconces, a stained finish, brass knobs,
      caned panels, scalloped edges, built-in lighting, reeded panels, a painted ceiling, chair rail molding,
      wallpapered shelves
      """,
    boards: """
      DIY Home Projects, Home Improvement, DIY Home Decor, Home Projects, Fixer Upper, Renovation Ideas
      """,
    tags: "diy home, home improvement, diy decor, home projects",
    productShare: 0.12, priceRange: 10...400, popularity: 1.1)
}
