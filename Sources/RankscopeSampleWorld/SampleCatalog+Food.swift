extension SampleCatalog {
  /// Recipes and drinks: styles are diets, flavours and methods; materials are main ingredients.
  static let food = VerticalVocabulary(
    name: "food",
    categories: [dinnerRecipes, desserts, baking, breakfastAndBrunch, drinksAndCocktails],
    styles: """
      easy, healthy, vegan, vegetarian/veggie, gluten-free/gluten free, dairy-free, keto/low-carb, homemade,
      spicy, copycat, budget-friendly/cheap, paleo, whole30, kid-friendly, make-ahead, small-batch
      """,
    materials: "",
    occasions: """
      weeknight, thanksgiving, christmas, game day, summer, fall/autumn, holiday, date night, potluck, picnic,
      back-to-school, easter, party, sunday, valentine's day, fourth of july/4th of july, halloween,
      new year's eve, mother's day, birthday, camping, meal prep, lunchbox, cookout/bbq, winter, spring
      """,
    adjectives: """
      easy, quick, cozy, delicious, simple, hearty, fresh, flavorful, irresistible, foolproof, family-favorite,
      crowd-pleasing, mouthwatering, satisfying, comforting, homestyle, wholesome, next-level,
      restaurant-quality, bright, zesty, indulgent, light, tasty
      """,
    titlePatterns: [
      "{adjective} {style} {material} {subject}",
      "{style} {material} {subject} with {detail}",
      "{material} {subject} <recipe|(so easy!)|you'll make on repeat|everyone asks for>",
      "{minutes}-minute {material} {subject}",
      "The <best|easiest|ultimate> {style} {subject}[ recipe]",
      "{occasion} {material} {subject}",
      "{adjective} {subject} with {material} and {detail}",
      "{style} {subject} for <a crowd|two|beginners|busy nights>",
      "My <go-to|favorite|family's favorite> {material} {subject}",
      "{material} and {material2} {subject}",
      "How to make {adjective} {style} {subject} at home",
      "{adjective} {occasion} {subject}[ with {detail}]",
      "{style} {subject} <that tastes like takeout|in one pan|without the fuss>",
    ],
    videoTitlePatterns: [
      "How to make {material} {subject} in {minutes} minutes",
      "Watch: {style} {material} {subject} step by step",
      "{material} {subject} in {minutes} minutes[ flat]",
      "<Quick|Easy> {material} {subject} <tutorial|video recipe>",
      "The trick to perfect {subject}",
    ],
    productTitlePatterns: [
      "{colour} enameled {subject}",
      "Ceramic {subject} in {colour}",
      "{subject} <– set of 2|– large|– 12 inch|for everyday cooking>",
    ],
    openingSentences: [
      "{this} {style} {material} {subject} {is} ready in {minutes} minutes and taste{s} like it took hours.",
      "<Tender|Golden|Perfectly seasoned> {material}, {detail} and <a squeeze of lemon|a handful of herbs|a pinch of chili flakes> make {this} {subject} <a keeper|unforgettable|so good>.",
      "{adjective} {subject} made with {material} and {material2}.",
      "Our <go-to|favorite> {occasion} {subject}: {adjective}, {adjective2} and <so easy to make|ready in no time|made in one pan>.",
      "{a} {style} take on classic {subject} with {detail}.",
      "If you love {material}, {this} {subject} {is} for you.",
      "<Everything|All> you need for the <best|easiest> {subject} <is already in your pantry|comes together in one bowl|takes under {minutes} minutes>.",
      "{this} {adjective} {subject} get{s} big flavor from {material} and {detail}.",
      "<Meet|Say hello to> your new favorite {occasion} {subject}.",
    ],
    middleSentences: [
      "Top it with {detail2} for extra <crunch|flavor|color>.",
      "It keeps well in the fridge for up to <three|four|five> days.",
      "Swap the {material} for {material2} to make it your own.",
      "Serve with {detail2} and a simple green salad.",
      "Easy to adapt: make it {otherStyle}, or <double|halve> it for a crowd.",
      "The secret is {detail}.",
      "Kids and grown-ups alike ask for seconds.",
      "Great for {occasion} gatherings and make-ahead <lunches|dinners|snacks>.",
      "<Leftovers|Any extras> freeze beautifully for up to three months.",
    ],
    closingSentences: [
      "Save this recipe for later!",
      "Get the full recipe on the blog.",
      "Click through for step-by-step photos.",
      "Pin it now, thank me later.",
      "Find more {style} recipes on the blog.",
      "Tap for the printable recipe card.",
      "Save it to your {occasion} board.",
    ],
    productSentences: [
      "<A kitchen essential|Our best-selling pick|A reader favorite> in {colour}.",
      "Perfect for {occasion} <baking|cooking|hosting>.",
      "<Dishwasher safe and built to last|Oven safe to 500°F|Holds heat beautifully>.",
      "<Free shipping on orders over $50|Ships in 2-3 days|Lifetime warranty>.",
    ],
    boardPatterns: [
      "{style} Recipes", "{occasion} <Recipes|Menu|Food Ideas>", "{material} Recipes",
      "<Recipes to Try|Yummy Food|Food Ideas|Good Eats|Foodie Favorites|Cooking Inspo>",
    ],
    domains: """
      saltandhearth.com, weeknighttable.com, thecozyskillet.com, butterandbasil.co, pantrytoplate.com,
      halfbakedhome.com, thesimmeringpot.com, lemonandlarder.com, crumbandcitrus.com, forkfulblog.com,
      smallkitchenbigflavor.com, thegoldencrumb.com
      """,
    shopDomains: "hearthandpan.shop, thekitchenware.co, copperandcrumb.shop",
    querySuffixes: "recipe, recipes, ideas, easy, homemade",
    tags: "recipe ideas, food, yummy, foodie, easy recipes, homemade",
    colourInText: 0.05,
    videoShare: 0.3)

  static let dinnerRecipes = CategoryVocabulary(
    name: "dinner recipes",
    subjects: """
      tacos, enchiladas, stir fry/stir-fry, curry, pasta, lasagna, chili, soup, stew, casserole,
      sheet pan dinner, fried rice, burrito bowl, grain bowl/buddha bowl, pot pie, meatballs, skewers/kebabs,
      fajitas, quesadillas, noodles, ramen, risotto, gnocchi, tikka masala, shepherd's pie, tortellini soup,
      pad thai, burgers, sliders, flatbread pizza, stuffed peppers, chowder, jambalaya, gumbo, bolognese,
      carbonara, alfredo, lettuce wraps, dumplings, orzo bake, sandwiches, power bowl
      """,
    products: """
      dutch oven, cast iron skillet, sheet pan, wok, chef's knife, cutting board, stock pot, spice rack,
      rice cooker
      """,
    styles: """
      one-pan/one pan, sheet-pan/sheet pan, slow cooker/crockpot, instant pot/pressure cooker, air fryer,
      skillet, baked, grilled, honey garlic, teriyaki, buffalo, bbq/barbecue, garlic butter, lemon herb, sesame,
      cajun, tex-mex, mexican, italian, thai, korean, mediterranean, greek, indian, japanese, southern,
      middle eastern, high-protein, cheesy, creamy
      """,
    materials: """
      chicken/chicken breast, chicken thigh, ground beef, steak, pork tenderloin, sausage, salmon, shrimp/prawn,
      cod, tuna, tofu, tempeh, chickpea/garbanzo bean, lentil, black bean, ground turkey, sweet potato,
      butternut squash, mushroom, spinach, zucchini/courgette, cauliflower, broccoli, eggplant/aubergine,
      bell pepper, tomato, coconut, pesto, feta, halloumi, kale, white bean
      """,
    details: """
      lime crema, crispy shallots, fresh herbs, garlic butter, a parmesan crust,
      pickled red onions/pickled onions, chimichurri, peanut sauce, tzatziki, cilantro lime rice,
      roasted vegetables/roasted veggies, crusty bread, jasmine rice, a fried egg, sesame seeds, avocado salsa,
      toasted breadcrumbs, lemon zest, chili crisp, a creamy tomato sauce, coconut milk, caramelized onions,
      charred corn, sun-dried tomatoes, fresh basil, melted mozzarella, a honey glaze, quick-pickled cucumbers,
      garlic naan, a squeeze of lime
      """,
    boards: """
      Dinner Ideas, Easy Dinners, Weeknight Meals, Family Dinner Recipes, Healthy Dinners, What's for Dinner,
      Dinner Tonight, Supper Ideas, Main Dishes
      """,
    tags: "dinner ideas, easy dinner, weeknight meals, dinner recipes, family dinner",
    productShare: 0.04, priceRange: 15...350, popularity: 1.6)

  static let desserts = CategoryVocabulary(
    name: "desserts",
    subjects: """
      brownies, cookies, chocolate chip cookies, cheesecake, cupcakes, layer cake, sheet cake, bundt cake,
      pound cake, pie, tart, galette, cobbler, crumble/crisp, dessert bars, blondies, truffles, fudge, mousse,
      pudding, tiramisu, macarons, ice cream, popsicles, panna cotta, trifle, eclairs, cannoli, whoopie pies,
      cake pops, donuts/doughnuts, parfait, snack cake, icebox cake
      """,
    products: """
      cake stand, bundt pan, springform pan, piping bag set, cookie scoop, ice cream maker, stand mixer,
      rolling pin, cooling rack
      """,
    styles: """
      no-bake/no bake, fudgy, chewy, gooey, frozen, mini, 3-ingredient, brown butter, decadent,
      refined sugar-free, protein, vintage, bakery-style, lightened-up
      """,
    materials: """
      chocolate, dark chocolate, white chocolate, lemon, strawberry, raspberry, blueberry, cherry, peach, apple,
      pumpkin, banana, salted caramel/caramel, peanut butter, coconut, matcha, espresso/coffee,
      cookies and cream/oreo, red velvet, pistachio, almond, pecan, cinnamon, vanilla bean/vanilla, key lime,
      mango, cookie butter/biscoff, hazelnut/nutella, s'mores, funfetti/sprinkle, maple, brown sugar
      """,
    details: """
      a graham cracker crust, cream cheese frosting, a crumble topping, whipped cream, fresh berries,
      a salted caramel drizzle, chocolate ganache, toasted coconut, a buttery shortbread base, sprinkles,
      a brown sugar glaze, swirls of jam, crushed pretzels, mascarpone cream, a scoop of vanilla ice cream,
      flaky sea salt, lemon curd, toasted meringue, candied pecans, a chocolate drizzle, silky buttercream,
      a cookie crumb base, a dusting of powdered sugar
      """,
    boards: """
      Sweet Treats, Dessert Recipes, Yummy Desserts, Desserts to Make, Baking & Sweets, Sweet Tooth,
      Easy Desserts, Holiday Desserts
      """,
    tags: "dessert, desserts, sweet treats, dessert recipes, baking",
    productShare: 0.04, priceRange: 8...450, popularity: 1.5)

  static let baking = CategoryVocabulary(
    name: "bread and baking",
    subjects: """
      sourdough bread/sourdough loaf, focaccia, banana bread, bagels, cinnamon rolls, dinner rolls, brioche,
      challah, muffins, scones, biscuits, cornbread, soft pretzels/pretzels, croissants, babka, pizza dough,
      naan, pita, english muffins, zucchini bread, quick bread, sandwich bread, baguette, monkey bread,
      hand pies, shortbread, sourdough starter, crackers, danishes, sticky buns, hot cross buns, flatbread
      """,
    products: """
      bread proofing basket/banneton, loaf pan, bench scraper, kitchen scale, baking stone, bread lame,
      dough whisk, proofing box
      """,
    styles: """
      sourdough discard, overnight, no-knead, bakery-style, soft, fluffy, crusty, rustic, artisan, sweet,
      savory, beginner, same-day, high-hydration
      """,
    materials: """
      whole wheat, rye, spelt, cinnamon sugar, blueberry, banana, pumpkin, zucchini, cheddar,
      jalapeño cheddar/jalapeno cheddar, rosemary, garlic, olive, honey, oat, chocolate chip, apple, cranberry,
      orange, lemon poppy seed, cardamom, everything bagel, parmesan, sesame, walnut, maple, brown butter,
      sun-dried tomato
      """,
    details: """
      a crackly crust, an open crumb, a cinnamon swirl, a streusel topping, flaky sea salt,
      a honey butter glaze, herbs and olive oil, a cream cheese filling, a sticky caramel glaze, melted butter,
      a crunchy sugar top, an egg wash shine, swirls of pesto, roasted garlic, sesame seeds, a simple glaze,
      whipped honey butter, fresh rosemary, a long cold ferment, dimpled olive oil pools
      """,
    boards: """
      Bread Baking, Baking Recipes, Sourdough Love, Baking Projects, Bake This, Homemade Bread, Weekend Baking
      """,
    tags: "baking, homemade bread, bread recipes, sourdough, from scratch",
    productShare: 0.05, priceRange: 8...300, popularity: 1.1)

  static let breakfastAndBrunch = CategoryVocabulary(
    name: "breakfast and brunch",
    subjects: """
      pancakes, waffles, french toast, overnight oats, smoothie bowl, granola, breakfast burritos,
      egg muffins/egg bites, frittata, quiche, shakshuka, avocado toast, breakfast casserole, chia pudding,
      crepes, dutch baby, breakfast sandwiches, hash browns, breakfast tacos, yogurt parfait, baked oatmeal,
      eggs benedict, omelette/omelet, scrambled eggs, breakfast hash, protein pancakes, biscuits and gravy,
      huevos rancheros, acai bowl, breakfast cookies, sheet pan pancakes
      """,
    products: "waffle maker, french press, griddle, egg cooker, blender, coffee mug set",
    styles: """
      make-ahead, freezer-friendly, sheet-pan/sheet pan, fluffy, buttermilk, protein-packed/high-protein,
      overnight, baked, savory, sweet, mexican, french, southern
      """,
    materials: """
      blueberry, banana, strawberry, peanut butter, pumpkin, cinnamon, maple, apple, chocolate chip,
      lemon ricotta, spinach, bacon, sausage, ham and cheese, feta, mushroom, sweet potato, avocado,
      mixed berry/berry, coconut, almond butter, oat, smoked salmon, chorizo, tomato, cottage cheese,
      greek yogurt, egg white
      """,
    details: """
      maple syrup, fresh berries, a dollop of greek yogurt, crispy bacon, a runny egg, everything seasoning,
      hollandaise, whipped cream, a drizzle of honey, toasted nuts, chili crisp, sliced avocado, hot sauce,
      crumbled feta, a brown sugar crumble, homemade jam, fresh herbs, a cinnamon sugar crust
      """,
    boards: """
      Breakfast Ideas, Brunch Recipes, Breakfast Recipes, Sunday Brunch, Healthy Breakfast, Morning Fuel,
      Brunch Party
      """,
    tags: "breakfast, brunch, breakfast ideas, healthy breakfast, morning",
    productShare: 0.05, priceRange: 12...250, popularity: 1.2)

  static let drinksAndCocktails = CategoryVocabulary(
    name: "drinks and cocktails",
    subjects: """
      margarita, mojito, old fashioned, negroni, spritz, sangria, martini, espresso martini, mocktail, punch,
      lemonade, iced coffee, latte, cold brew, smoothie, hot chocolate, chai latte, moscow mule/mule, paloma,
      daiquiri, whiskey sour, gin and tonic, mimosa, bellini, piña colada/pina colada, frozen cocktail,
      iced tea, hot toddy, eggnog, matcha latte, cocktail, highball, shandy
      """,
    products: """
      cocktail shaker, coupe glasses, bar cart, ice mold, highball glasses, citrus juicer, espresso machine,
      milk frother
      """,
    styles: """
      frozen, sparkling, spiked, skinny, non-alcoholic/alcohol-free, big-batch, iced, smoky, tropical,
      refreshing, classic, three-ingredient
      """,
    materials: """
      strawberry, watermelon, mango, pineapple, passion fruit, blood orange, grapefruit, lime, lemon, cucumber,
      mint, lavender, elderflower, ginger, jalapeño/jalapeno, cranberry, pomegranate, peach, raspberry, coconut,
      blackberry, hibiscus, vanilla, pumpkin spice, caramel, honey, rosemary, tequila, gin, vodka, bourbon, rum,
      prosecco, apple cider
      """,
    details: """
      a salted rim, a sugar rim, fresh mint, a splash of soda, muddled berries, a citrus twist, crushed ice,
      a cinnamon stick, edible flowers, a sprig of rosemary, a smoky salt rim, cold foam, whipped cream,
      a chili-lime rim, a honey syrup, dehydrated citrus wheels, a float of red wine
      """,
    boards: """
      Drinks & Cocktails, Cocktail Hour, Happy Hour, Drink Recipes, Mocktails, Sips, Bar Cart Ideas
      """,
    tags: "cocktails, drinks, cocktail recipes, mocktails, happy hour",
    productShare: 0.06, priceRange: 10...700, popularity: 1.0)
}
