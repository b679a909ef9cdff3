extension SampleCatalog {
  /// Trips and destinations: styles are kinds of travel, materials are places.
  static let travel = VerticalVocabulary(
    name: "travel",
    categories: [cityGuides, beachGetaways, hikingAndNationalParks, roadTrips, travelTips],
    styles: """
      budget, luxury, solo, family/family-friendly, romantic, backpacking, slow travel, adventure,
      off-the-beaten-path, weekend, eco-friendly/sustainable, boutique, first-timer's, foodie, girls' trip,
      honeymoon
      """,
    materials: "",
    occasions: """
      summer, winter, spring, fall/autumn, december, october, april, september, june, may, january, march
      """,
    adjectives: """
      perfect, dreamy, ultimate, unforgettable, epic, relaxing, breathtaking, charming, stunning, magical,
      underrated, scenic, laid-back, vibrant, peaceful, colorful, ideal, easy, complete, honest
      """,
    titlePatterns: [
      "{material} {subject}: {adjective} {style} <trip|guide|ideas>",
      "<3|4|5|7|10> days in {material}: {style} {subject}",
      "{style} {material} {subject} <for first-timers|on a budget|you'll want to save>",
      "{adjective} {occasion} {subject} in {material}",
      "{material} {subject} with {detail}",
      "Where to <stay|eat|go> in {material}: {adjective} {subject}",
      "{occasion} in {material}: {style} {subject}",
      "The {adjective} {material} {subject}",
      "{material} <bucket list|must-dos|travel notes>: {detail} and {detail2}",
      "{adjective} {style} {subject}: {material}[ with {detail}]",
    ],
    videoTitlePatterns: [
      "{material} <travel vlog|in 60 seconds|hidden gems>",
      "{style} {subject}: {material} <edition|vlog>",
      "Things to know before visiting {material}",
      "{adjective} {material} {subject} <in one minute|vlog|tour>",
    ],
    productTitlePatterns: [
      "{subject} in {colour}",
      "<Lightweight|Compact|Carry-On Size|Water-Resistant> {subject}",
    ],
    openingSentences: [
      "Everything you need for {a} {adjective} {style} trip to {material}, from {detail} to <the best coffee|sunset views|local markets>.",
      "Our {subject} for {material} covers {detail}, {detail2} and <where to stay|how to get around|what to skip>.",
      "{material} is {adjective} in {occasion}, and {this} {subject} show{s} <why|you how to see it all>.",
      "{a} {style} {subject} for {material} with {detail}.",
      "<Planning|Dreaming of> a trip to {material}: start with {this} {adjective} {subject}.",
      "{adjective} {subject}: {material} with {detail}.",
    ],
    middleSentences: [
      "Don't miss {detail2}.",
      "<Tip|Local tip|Travel tip>: go early for {detail}, especially in {occasion}.",
      "It works just as well for {a} {otherStyle} trip.",
      "We <stayed|spent> <three|four|five|seven> nights and <could have stayed longer|it was the perfect amount of time>.",
      "Budget around $<80|120|150|200> a day, not counting flights.",
    ],
    closingSentences: [
      "Save for your next trip!",
      "Full itinerary on the blog.",
      "Tap through for the map and all the links.",
      "More {style} travel ideas on my page.",
      "Have you been?",
    ],
    productSentences: [
      "<Lightweight|Water-resistant|TSA-friendly> and made for {style} travel.",
      "Comes in {colour}.",
      "<Fits most carry-on bags|Packs flat|Weighs under a pound>.",
      "<Free shipping|Ships in 2-3 days|Lifetime warranty>.",
    ],
    boardPatterns: [
      "Travel <Inspo|Bucket List|Ideas|Goals>", "{material} Trip", "{style} Travel", "{occasion} Travel",
      "<Wanderlust|Places to Go|Adventures|Travel Plans|Take Me There>",
    ],
    domains: """
      wanderandwhim.com, thepassportpages.com, slowroutes.co, carryonjournal.com, thelocallens.travel,
      driftandroam.com, milesandmaps.blog, sunsetsandsuitcases.com, backroadnotes.com, atlasandink.co
      """,
    shopDomains: "packwell.shop, roamgear.co, thetravelkit.shop",
    querySuffixes: "itinerary, travel guide, things to do, trip, travel, tips",
    tags: "travel, travel inspo, wanderlust, travel tips, bucket list",
    colourInText: 0.05,
    videoShare: 0.25)

  static let cityGuides = CategoryVocabulary(
    name: "city guides",
    subjects: """
      itinerary, travel guide, weekend guide, food guide, neighborhood guide, walking tour, day trip,
      coffee shop guide, photo spots, hidden gems, city break, museum guide, market guide, nightlife guide,
      shopping guide, hotel guide, bucket list, travel diary, food tour, brunch guide, city guide,
      48-hour guide, 3-day itinerary, 5-day itinerary, one-week itinerary, layover guide
      """,
    styles: "walkable, artsy, local's, design lover's, history buff's",
    materials: """
      Lisbon, Porto, Paris, London, Rome, Florence, Barcelona, Madrid, Amsterdam, Copenhagen, Prague, Vienna,
      Budapest, Berlin, Edinburgh, Dublin, Istanbul, Marrakech, Tokyo, Kyoto, Seoul, Singapore, Hong Kong,
      Bangkok, Mexico City, New York City/NYC, Chicago, New Orleans, San Francisco, Montreal, Charleston,
      Nashville, Austin, Savannah, Buenos Aires, Cape Town, Sydney, Melbourne
      """,
    details: """
      rooftop bars, hidden cafés/hidden cafes, street food, day trips, sunset viewpoints, local markets,
      museum passes, tram rides, boutique hotels, vintage shops, jazz bars, bookstores, food halls,
      river cruises, historic neighborhoods, free walking tours, tapas bars, night markets, street art,
      botanical gardens, speakeasies, bakeries
      """,
    boards: "City Guides, City Breaks, Europe Travel, Places to Go, Travel Itineraries, Weekend Getaways",
    tags: "city guide, city break, travel guide, things to do",
    popularity: 1.2)

  static let beachGetaways = CategoryVocabulary(
    name: "beach getaways",
    subjects: """
      beach vacation, island getaway, beach resort, overwater bungalow, beach itinerary, snorkeling spots,
      beach town, honeymoon spot, all-inclusive resort, surf trip, sailing trip, beach house rental,
      tropical getaway, hidden beaches, beach guide, island hopping itinerary, coastal town guide, villa stay,
      boat day, cenote trip, lagoon day
      """,
    styles: "tropical, laid-back, barefoot, secluded, adults-only, all-inclusive",
    materials: """
      Bali, Maldives, Tulum, Cancun, Maui/Hawaii, Kauai, Santorini, Mykonos, Amalfi Coast, Positano, Sardinia,
      Mallorca, Algarve, Costa Rica, Puerto Rico, Turks and Caicos, Bahamas, Aruba, Jamaica, Saint Lucia,
      Phuket, Koh Samui, Bora Bora, Fiji, Zanzibar, Seychelles, Florida Keys, Outer Banks, Cabo, Dubrovnik
      """,
    details: """
      turquoise water, white sand beaches, sunset cruises, beach clubs, snorkeling trips, swim-up bars,
      cliffside views, fresh seafood, hammocks, private plunge pools, sea turtles, hidden coves, boat tours,
      beach yoga, tiki bars, palm-lined beaches
      """,
    boards: "Beach Vacation, Island Life, Beach Getaways, Tropical Travel, Honeymoon Ideas, Vacation Goals",
    tags: "beach vacation, beach, island life, tropical travel",
    popularity: 1.1)

  static let hikingAndNationalParks = CategoryVocabulary(
    name: "hiking and national parks",
    subjects: """
      hiking trail, day hike, national park guide, backpacking trip, camping trip, waterfall hike, scenic drive,
      summit hike, lake hike, canyon hike, hot springs, campsite, trail guide, park itinerary, wildflower hike,
      hut-to-hut trek, glamping spot, sunrise hike, cabin getaway, loop trail
      """,
    styles: "dog-friendly, strenuous, lesser-known, remote, backcountry, beginner",
    materials: """
      Yosemite, Zion, Grand Canyon, Yellowstone, Glacier National Park, Banff, Jasper, Arches, Bryce Canyon,
      Rocky Mountain National Park, Olympic National Park, Mount Rainier, Acadia, Great Smoky Mountains, Sedona,
      Joshua Tree, Patagonia, Dolomites, Swiss Alps, Scottish Highlands, Lake District, Iceland, Faroe Islands,
      Lofoten, Chamonix, Queenstown, Big Sur
      """,
    details: """
      alpine lakes, waterfall views, wildflower meadows, sunrise views, wildlife sightings, switchbacks,
      a summit view, canyon overlooks, old-growth forest, glacier views, hot springs, campfire nights,
      stargazing, river crossings, scenic overlooks
      """,
    boards: "Hiking, National Parks, Outdoor Adventures, Camping, Trail Guides, Hiking Trails",
    tags: "hiking, national parks, outdoors, camping",
    popularity: 1.0)

  static let roadTrips = CategoryVocabulary(
    name: "road trips",
    subjects: """
      road trip, road trip itinerary, road trip route, scenic drive, campervan trip, weekend road trip,
      cross-country road trip, coastal drive, road trip stops, roadside attractions, road trip playlist,
      rv trip, fall foliage drive, desert drive, mountain drive, wine country drive, motel stay,
      road trip guide, national park road trip, road trip map
      """,
    styles: "scenic, van life, retro, kid-friendly, epic, slow",
    materials: """
      Pacific Coast Highway, Route 66, Blue Ridge Parkway, Utah, Arizona, New England, Pacific Northwest,
      California, Oregon Coast, Colorado, Texas Hill Country, Ring Road, North Coast 500, Ireland, Tuscany,
      Provence, Nova Scotia, Alaska, Florida, Napa Valley, Montana, Cabot Trail
      """,
    details: """
      roadside diners, scenic overlooks, quirky motels, national park stops, small towns, farm stands, wineries,
      hot springs, beach stops, camping spots, fall foliage, desert views, lighthouses, ghost towns,
      antique shops, swimming holes, sunset pull-offs
      """,
    boards: "Road Trips, Road Trip Ideas, Scenic Drives, Road Trip Planning, On the Road",
    tags: "road trip, road trip ideas, scenic drive, van life",
    popularity: 0.9)

  static let travelTips = CategoryVocabulary(
    name: "travel tips",
    subjects: """
      packing list, carry-on packing, travel hacks, travel essentials, long-haul flight tips, airport tips,
      travel budget, itinerary planner, travel journal, jet lag tips, travel capsule wardrobe,
      toiletry bag essentials, money-saving tips, travel insurance guide, solo travel tips,
      travel photography tips, layover tips, backpack packing, travel apps, credit card points guide,
      hotel booking tips, train travel tips
      """,
    products: """
      packing cubes, carry-on suitcase, travel pillow, toiletry bag, universal adapter, portable charger,
      travel backpack, passport holder, compression bags, jewelry travel case
      """,
    styles: "carry-on only, minimalist, one-bag, cruise, ski, beach, winter, business, first-time, long-term",
    materials: """
      Europe, Japan, Iceland, Italy, Greece, Mexico, Thailand, Hawaii, Costa Rica, Scandinavia, Disney World,
      New York, London, Bali, Australia, Morocco, Peru, Vietnam, Portugal
      """,
    details: """
      packing cubes, a capsule wardrobe, a carry-on only bag, compression bags, a travel-size toiletry kit,
      noise-canceling headphones, a universal adapter, a portable charger, a printable checklist, a day bag,
      a reusable water bottle, a travel wallet, an offline map app, a packing checklist, a neck pillow,
      a luggage tracker
      """,
    boards: "Travel Tips, Packing Tips, Travel Hacks, Travel Planning, Pack Light",
    tags: "travel tips, packing tips, travel hacks, packing list",
    productShare: 0.3, priceRange: 12...350, popularity: 1.0,
    titlePatterns: [
      "{material} {subject}: {number} <essentials|tips|things I never travel without>",
      "The {adjective} {style} {subject} for {material}",
      "{style} {subject} with {detail}",
      "My {subject} for {material}[ with {detail}]",
      "{subject}: {number} {style} <tips|ideas|hacks>",
      "{style} travel made easy: {subject} with {detail}",
    ],
    openingSentences: [
      "Everything I pack for {a} {style} trip to {material}, including {detail}.",
      "{this} {subject} <saved me|made packing easy|keep{s} me sane> on {a} {adjective} {style} trip to {material}.",
      "{as} {adjective} {subject} built around {detail} and {detail2}.",
      "<Heading to|Planning a trip to> {material}: {this} {style} {subject} will have you covered.",
    ],
    middleSentences: [
      "Don't forget {detail2}.",
      "<Tip|Travel tip>: pack {detail} in your carry-on.",
      "It works for {a} {otherStyle} trip too.",
      "Roll, don't fold, and leave room for souvenirs.",
    ])
}
