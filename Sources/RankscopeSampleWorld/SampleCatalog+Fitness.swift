extension SampleCatalog {
  /// Workouts: styles are intensities and audiences, materials are equipment.
  static let fitness = VerticalVocabulary(
    name: "fitness",
    categories: [homeWorkouts, yoga, running, strengthTraining],
    styles: """
      beginner/beginner-friendly, low-impact, no-equipment, high-intensity, gentle, advanced, intermediate,
      fat-burning, postpartum, 30-day, apartment-friendly, senior-friendly, full-body, quick, minimal-equipment,
      joint-friendly, pregnancy-safe, calorie-burning, core-focused, steady
      """,
    materials: "",
    occasions: """
      morning, bedtime, new year, summer, winter, busy week, lunch break, weekend, travel, office, rest day,
      spring, holiday, desk break, after-work
      """,
    adjectives: """
      effective, quick, challenging, gentle, energizing, simple, sweaty, calming, efficient, easy-to-follow,
      intense, fun, relaxing, sustainable, complete, sculpting, restorative, powerful, no-nonsense
      """,
    titlePatterns: [
      "{minutes}-minute {style} {subject}[ with {material}]",
      "The {adjective} {occasion} {subject}",
      "{number}-day {style} {subject} <challenge|plan|program>",
      "{style} {subject} <you can do anywhere|for beginners|to try this week|that actually works>",
      "{material} {subject} with {detail}",
      "My {adjective} {occasion} {subject}",
      "{style} {subject}: {detail} and {detail2}",
      "How to <start|build|stick with> {as} {style} {subject} routine",
      "{adjective} {subject} with {material}",
      "{occasion} {subject} <for busy people|in {minutes} minutes|to feel amazing>",
    ],
    videoTitlePatterns: [
      "{minutes}-minute {style} {subject} (follow along)",
      "<Follow along|Do this with me>: {adjective} {subject}",
      "{subject} with {material}: {number} moves",
    ],
    productTitlePatterns: [
      "{subject} in {colour}",
      "<Non-Slip|Adjustable|Lightweight|Premium> {subject}",
    ],
    openingSentences: [
      "{this} {adjective} {style} {subject} <take{s}|need{s}> just {minutes} minutes and <no fancy equipment|a little space|a bit of grit>.",
      "{as} {occasion} {subject} built around {detail} and {detail2}.",
      "Grab your {material} for {this} {adjective} {subject}.",
      "<Do|Repeat> {this} {style} {subject} <three|two|four> times a week <to build strength|for steady progress|and track how you feel>.",
      "My go-to {subject} when I want something {adjective} and {adjective2}.",
      "{as} {style} {subject} with {material}, {detail} and plenty of rest.",
    ],
    middleSentences: [
      "<Rest|Take> <30|45|60> seconds between rounds.",
      "<Tip|Coach's tip>: focus on form before adding weight.",
      "Swap {material} for {material2} if that's what you have.",
      "Works as {a} {otherStyle} option too.",
      "Finish with {detail2} and a few minutes of stretching.",
    ],
    closingSentences: [
      "Save for your next workout!",
      "Full plan on the blog.",
      "Tap through for the printable.",
      "More {style} workouts on my page.",
      "Tag a workout buddy!",
    ],
    productSentences: [
      "<Non-slip|Sweat-resistant|Durable> and <easy to store|travel-friendly|built for daily use>.",
      "Comes in {colour}.",
      "Perfect for {style} <workouts|training|sessions> at home.",
      "<Free shipping|30-day trial|Ships in 2 days>.",
    ],
    boardPatterns: [
      "{style} Workouts", "<Fitness|Workout Ideas|Fitness Motivation|Get Fit|Workouts|Healthy Habits>",
      "{occasion} Workouts",
    ],
    domains: """
      thesweatlog.com, strongandsteady.co, fitfolio.blog, movementnotes.com, theactiveedit.com, repsandrest.com,
      flowandform.co, corecollective.fit
      """,
    shopDomains: "repgear.shop, matandmotion.co, ironhousefitness.shop",
    querySuffixes: "workout, routine, for beginners, at home, exercises, plan",
    tags: "fitness, workout, exercise, fitness motivation, healthy lifestyle",
    colourInText: 0.05,
    videoShare: 0.45)

  static let homeWorkouts = CategoryVocabulary(
    name: "home workouts",
    subjects: """
      full-body workout, hiit workout, core workout/ab workout, leg workout, glute workout/booty workout,
      arm workout, upper body workout, lower body workout, cardio workout, tabata workout, pilates workout,
      barre workout, walking workout, stretching routine, mobility routine, wall pilates, standing ab workout,
      bodyweight circuit, emom workout, amrap workout, dance workout, resistance band workout, chair workout,
      stair workout, apartment cardio
      """,
    products: """
      adjustable dumbbells, resistance band set, yoga mat, ankle weights, jump rope, pilates ring, kettlebell,
      workout sliders
      """,
    styles: "sculpt, toning, metabolic, quiet, tabata-style, indoor, small-space, silent",
    materials: """
      dumbbells, resistance bands, kettlebell, ankle weights, yoga mat, pilates ring, sliders, jump rope,
      mini bands, stability ball, step platform, medicine ball, foam roller, weighted vest
      """,
    details: """
      squat pulses, mountain climbers, burpees, glute bridges, plank variations, lunges, jumping jacks,
      push-ups, donkey kicks, bicycle crunches, dead bugs, high knees, wall sits, side planks, step-ups,
      fire hydrants, reverse lunges, sumo squats, plank jacks, skaters, flutter kicks, russian twists
      """,
    boards: "Home Workouts, At Home Workout, Workout Routines, HIIT, Ab Workouts, Pilates",
    tags: "home workout, at home workout, hiit, ab workout",
    productShare: 0.12, priceRange: 10...400, popularity: 1.4)

  static let yoga = CategoryVocabulary(
    name: "yoga",
    subjects: """
      yoga flow, morning yoga, yoga sequence, vinyasa flow, yin yoga, restorative yoga, yoga for back pain,
      hip opener sequence, chair yoga, bedtime yoga, yoga poses, sun salutation, meditation, breathwork,
      yoga nidra, prenatal yoga, stretch routine, power yoga, desk yoga, flexibility routine,
      splits progression, balance poses, yoga for runners, shoulder opener sequence, core yoga, morning stretch,
      evening wind-down, twist sequence, heart opener flow
      """,
    products: "yoga mat, cork yoga blocks, yoga strap, meditation cushion, bolster, yoga wheel, mat bag",
    styles: "slow, hatha, ashtanga, kundalini, somatic, grounding, yin-inspired, flow-based, trauma-informed",
    materials: """
      yoga mat, yoga blocks, yoga strap, bolster, blanket, meditation cushion, eye pillow, yoga wheel,
      yoga towel, cork block, foam roller, singing bowl
      """,
    details: """
      child's pose, downward dog, pigeon pose, warrior ii, cat-cow stretches, a long savasana, deep breathing,
      gentle twists, forward folds, low lunges, happy baby, legs up the wall, bridge pose, tree pose, crow pose,
      half moon pose, camel pose, seated forward folds, alternate nostril breathing, a gratitude practice
      """,
    boards: "Yoga, Yoga Poses, Yoga Flow, Mindfulness, Stretching, Yoga Inspiration",
    tags: "yoga, yoga poses, yoga flow, mindfulness",
    productShare: 0.12, priceRange: 10...150, popularity: 1.2)

  static let running = CategoryVocabulary(
    name: "running",
    subjects: """
      running plan, couch to 5k plan, half marathon training plan, marathon training plan, 10k training plan,
      interval run, tempo run, long run, hill workout, treadmill workout, running form, speed workout,
      recovery run, trail running, running stretches, race day checklist, fartlek workout, track workout,
      running routine, runner's strength routine, 5k training plan, run-walk plan, running warm-up,
      post-run stretches, trail race plan, ultramarathon plan, running drills, running recovery routine
      """,
    products: """
      running shoes, running belt, gps watch, foam roller, running vest, compression socks, reflective vest
      """,
    styles: """
      trail, easy-pace, zone 2, marathon, long-distance, sprint, heart-rate, hilly, fast-finish, marathon-pace
      """,
    materials: """
      running shoes, treadmill, gps watch, foam roller, running vest, hydration belt, compression socks,
      trail shoes, headlamp, race belt, running socks, energy gels, track spikes
      """,
    details: """
      easy miles, strides, hill repeats, a warm-up jog, dynamic stretches, a cool-down walk, negative splits,
      tempo intervals, rest days, cross-training, foam rolling, fueling tips, a long slow run, progression runs,
      race-pace miles, a shakeout run, cadence drills, a fast finish, recovery jogs, a fueling plan
      """,
    boards: "Running, Running Tips, Marathon Training, Half Marathon, Run Inspiration, Trail Running",
    tags: "running, running tips, marathon training, runner",
    productShare: 0.15, priceRange: 10...450, popularity: 0.9)

  static let strengthTraining = CategoryVocabulary(
    name: "strength training",
    subjects: """
      strength training plan, push day, pull day, leg day, upper body day, full-body strength workout,
      deadlift routine, squat program, bench routine, dumbbell workout, kettlebell workout, barbell workout,
      gym workout plan, progressive overload plan, powerlifting program, glute day, back workout,
      shoulder workout, chest workout, 5x5 program, push pull legs split/ppl split, bodybuilding split, arm day,
      core strength routine, deload week, strength circuit, upper lower split, hip thrust progression
      """,
    products: """
      adjustable dumbbells, lifting belt, pull-up bar, weight bench, kettlebell set, lifting straps, gym bag
      """,
    styles: "progressive, powerlifting, hypertrophy, functional, strength-building, heavy, 5-day, 3-day",
    materials: """
      dumbbells, barbell, kettlebell, cable machine, resistance bands, smith machine, trap bar, weight plates,
      landmine, pull-up bar, ez curl bar, safety squat bar, sandbag, medicine ball
      """,
    details: """
      romanian deadlifts, hip thrusts, goblet squats, bent-over rows, overhead presses, pull-ups, lat pulldowns,
      bulgarian split squats, farmer carries, face pulls, incline presses, rest-pause sets, supersets,
      drop sets, tempo squats, paused bench presses, chin-ups, dips, skull crushers
      """,
    boards: "Strength Training, Gym Workouts, Weight Lifting, Leg Day, Gym Plans, Lift Heavy",
    tags: "strength training, gym workout, weight lifting, lifting",
    productShare: 0.12, priceRange: 15...600, popularity: 1.1)
}
