/// The fixed vocabulary of the sample world: verticals, their categories, colours and people's names.
///
/// Everything the generator writes is composed from these tables and a seed; they are data, not code, and
/// can grow without touching the generator.
public enum SampleCatalog {
  /// Every vertical, in the order ids and interests refer to them.
  public static let verticals: [VerticalVocabulary] = [
    food, homeDecor, fashion, beauty, diyAndCrafts, travel, gardening, weddings, fitness, art,
  ]

  /// Every category with the index of its vertical, in catalog order.
  public static let categories: [(category: CategoryVocabulary, verticalIndex: Int)] =
    verticals.enumerated().flatMap { index, vertical in vertical.categories.map { ($0, index) } }

  /// Dominant colour names of pins, most common first.
  public static let colours: [VocabularyTerm] = VocabularyTerm.list("""
    white, black, cream/ivory, beige, tan, brown, terracotta, rust, burnt orange, mustard yellow, gold,
    butter yellow, blush pink, dusty rose, hot pink, coral, red, burgundy, plum, lavender/lilac, navy,
    cobalt blue, sky blue, teal, sage green, olive green, emerald green, forest green, mint, charcoal,
    gray/grey, silver, taupe, camel
    """)

  /// List lengths of listicle titles ("25 boho bedroom ideas").
  static let listCounts = [5, 7, 8, 10, 12, 15, 20, 21, 25, 30, 40, 50]
  /// Durations, in minutes, that recipes and workouts advertise.
  static let durations = [5, 10, 15, 20, 25, 30, 35, 40, 45, 60]

  /// Given names of simulated users.
  static let firstNames = """
    Olivia, Emma, Ava, Sophia, Isabella, Mia, Amelia, Harper, Evelyn, Abigail, Emily, Ella, Elizabeth,
    Camila, Luna, Sofia, Avery, Mila, Aria, Scarlett, Penelope, Layla, Chloe, Victoria, Madison, Eleanor,
    Grace, Nora, Riley, Zoey, Hannah, Hazel, Lily, Ellie, Violet, Lillian, Zoe, Stella, Aurora, Natalie,
    Emilia, Everly, Leah, Aubrey, Willow, Addison, Lucy, Audrey, Bella, Nova, Brooklyn, Paisley, Savannah,
    Claire, Skylar, Isla, Genesis, Naomi, Elena, Caroline, Priya, Ananya, Mei, Yuki, Sakura, Fatima, Amara,
    Zainab, Leila, Noor, Ximena, Valentina, Lucía, Camille, Chiara, Ingrid, Freya, Siobhan, Aisling, Maya,
    Liam, Noah, Oliver, Elijah, James, William, Benjamin, Lucas, Henry, Theodore, Jack, Levi, Alexander,
    Jackson, Mateo, Daniel, Michael, Mason, Sebastian, Ethan, Logan, Owen, Samuel, Jacob, Asher, Aiden, John,
    Joseph, Wyatt, David, Leo, Luke, Julian, Hudson, Grayson, Matthew, Ezra, Gabriel, Carter, Isaac, Jayden,
    Luca, Anthony, Dylan, Lincoln, Thomas, Maverick, Elias, Josiah, Charles, Caleb, Christopher, Ezekiel,
    Miles, Jaxon, Isaiah, Andrew, Joshua, Nathan, Nolan, Adrian, Cameron, Santiago, Eli, Aaron, Ryan,
    Arjun, Rohan, Kenji, Hiroshi, Wei, Jun, Omar, Yusuf, Kwame, Tariq, Diego, Rafael, Matteo, Lars, Sven,
    Niall, Cormac, Malik, Andre
    """.commaSeparatedItems

  /// Family names of simulated users.
  static let lastNames = """
    Smith, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, Rodriguez, Martinez, Hernandez, Lopez,
    Gonzalez, Wilson, Anderson, Thomas, Taylor, Moore, Jackson, Martin, Lee, Perez, Thompson, White, Harris,
    Sanchez, Clark, Ramirez, Lewis, Robinson, Walker, Young, Allen, King, Wright, Scott, Torres, Nguyen, Hill,
    Flores, Green, Adams, Nelson, Baker, Hall, Rivera, Campbell, Mitchell, Carter, Roberts, Gomez, Phillips,
    Evans, Turner, Diaz, Parker, Cruz, Edwards, Collins, Reyes, Stewart, Morris, Morales, Murphy, Cook,
    Rogers, Gutierrez, Ortiz, Morgan, Cooper, Peterson, Bailey, Reed, Kelly, Howard, Ramos, Kim, Cox, Ward,
    Richardson, Watson, Brooks, Chavez, Wood, James, Bennett, Gray, Mendoza, Ruiz, Hughes, Price, Alvarez,
    Castillo, Sanders, Patel, Myers, Long, Ross, Foster, Jimenez, Okafor, Mensah, Haddad, Nakamura, Tanaka,
    Sato, Chen, Wang, Zhang, Liu, Singh, Sharma, Gupta, Kowalski, Novak, Rossi, Bianchi, Müller, Schmidt,
    Dubois, Laurent, O'Brien, Byrne, Larsen, Johansson, Silva, Santos, Costa, Ferreira, Abboud, Cohen,
    Friedman, Okonkwo, Adeyemi, Mwangi
    """.commaSeparatedItems
}
