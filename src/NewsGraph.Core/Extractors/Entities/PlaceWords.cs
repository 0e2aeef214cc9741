namespace NewsGraph.Core.Extractors.Entities;

/// <summary>
/// Short lists written for this project (facts, not copied data): sub-national polities,
/// places that are not polities, and religious and political groups. They feed the tagger's
/// gazetteer features and decide GPE vs LOC and NORP vs MISC (see <see cref="EntityTyping"/>).
/// </summary>
public static class PlaceWords
{
    /// <summary>States, provinces and home nations: GPE in OntoNotes terms.</summary>
    public static readonly string[] States =
    [
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia",
        "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts",
        "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
        "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
        "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia",
        "Wisconsin", "Wyoming", "District of Columbia", "Puerto Rico",
        "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland", "Nova Scotia", "Ontario", "Quebec",
        "Saskatchewan", "Yukon", "Nunavut",
        "New South Wales", "Queensland", "South Australia", "Tasmania", "Victoria", "Western Australia", "Northern Territory",
        "England", "Scotland", "Wales", "Northern Ireland", "Ulster",
        "Bavaria", "Saxony", "Catalonia", "Andalusia", "Lombardy", "Sicily", "Sardinia", "Corsica", "Brittany", "Flanders",
        "Wallonia", "Punjab", "Kashmir", "Kerala", "Gujarat", "Bengal", "West Bengal", "Tamil Nadu", "Uttar Pradesh", "Bihar",
        "Xinjiang", "Tibet", "Guangdong", "Sichuan", "Hubei", "Chechnya", "Dagestan", "Tatarstan", "Siberia", "Kurdistan",
        "Darfur", "Kosovo", "Crimea", "Donbas", "Gaza", "West Bank", "Gaza Strip", "Mindanao", "Aceh", "Papua", "Sindh",
        "Balochistan", "Baluchistan", "Khyber Pakhtunkhwa", "Ontario", "Texas", "Hokkaido", "Okinawa", "Quebec",
    ];

    /// <summary>Continents, regions, seas, rivers, ranges: LOC (places that are not polities).</summary>
    public static readonly string[] Regions =
    [
        "Africa", "Asia", "Europe", "North America", "South America", "Latin America", "Central America", "Antarctica",
        "Oceania", "Eurasia", "Middle East", "Near East", "Far East", "Mideast", "Gulf", "Persian Gulf", "Arabian Peninsula",
        "Balkans", "Caucasus", "Caribbean", "Scandinavia", "Baltic", "Baltics", "Mediterranean", "Sahara", "Sahel",
        "Horn of Africa", "West Africa", "East Africa", "North Africa", "Southern Africa", "Central Africa", "Sub-Saharan Africa",
        "Central Asia", "South Asia", "East Asia", "Southeast Asia", "South-East Asia", "Asia-Pacific", "Pacific", "Atlantic",
        "Indian Ocean", "Arctic", "Western Europe", "Eastern Europe", "Central Europe", "Northern Europe", "Southern Europe",
        "Black Sea", "Red Sea", "Caspian", "Caspian Sea", "North Sea", "Baltic Sea", "South China Sea", "East China Sea",
        "Aegean", "Adriatic", "Strait of Hormuz", "Suez Canal", "Panama Canal", "Nile", "Danube", "Rhine", "Thames", "Amazon",
        "Mekong", "Yangtze", "Euphrates", "Tigris", "Jordan River", "Alps", "Andes", "Himalayas", "Rockies", "Urals",
        "Golan Heights", "Sinai", "Siberia", "Patagonia", "Midwest", "Mid-West", "Deep South", "New England", "Pacific Northwest",
        "Silicon Valley", "Wall Street", "Downing Street", "Whitehall", "Capitol Hill", "West End", "City of London",
        "West", "East", "North", "South", "Kremlin", "White House", "Pentagon", "Elysee", "Élysée", "Capitol", "Westminster",
    ];

    /// <summary>Head words of place names that are not polities ("Lake Victoria", "Hyde Park", "Heathrow Airport").</summary>
    public static readonly string[] GeographicHeads =
    [
        "sea", "ocean", "river", "lake", "mountain", "mountains", "mount", "mt", "hills", "valley", "gulf", "bay", "strait",
        "straits", "desert", "peninsula", "coast", "basin", "plateau", "canal", "island", "islands", "isle", "glacier", "delta",
        "park", "square", "street", "road", "avenue", "bridge", "airport", "stadium", "arena", "circuit", "forest", "highway",
    ];

    /// <summary>Religious, political and ethnic groups and their adjectives: NORP.</summary>
    public static readonly string[] Groups =
    [
        "Muslim", "Muslims", "Moslem", "Moslems", "Islamic", "Islamist", "Islamists", "Christian", "Christians", "Catholic",
        "Catholics", "Roman Catholic", "Protestant", "Protestants", "Orthodox", "Anglican", "Anglicans", "Evangelical",
        "Evangelicals", "Jewish", "Jew", "Jews", "Hindu", "Hindus", "Sikh", "Sikhs", "Buddhist", "Buddhists", "Sunni", "Sunnis",
        "Shi'ite", "Shi'ites", "Shiite", "Shiites", "Shia", "Shias", "Alawite", "Alawites", "Druze", "Coptic", "Copts", "Mormon",
        "Mormons", "Baptist", "Methodist", "Lutheran", "Zionist", "Zionists", "Democrat", "Democrats", "Republican",
        "Republicans", "Democratic", "Communist", "Communists", "Socialist", "Socialists", "Marxist", "Marxists", "Maoist",
        "Maoists", "Conservative", "Conservatives", "Liberal", "Liberals", "Tory", "Tories", "Labourite", "Nationalist",
        "Nationalists", "Fascist", "Fascists", "Nazi", "Nazis", "Bolshevik", "Bolsheviks", "Kurd", "Kurds", "Kurdish", "Arab",
        "Arabs", "Palestinian", "Palestinians", "Basque", "Basques", "Tamil", "Tamils", "Hutu", "Hutus", "Tutsi", "Tutsis",
        "Pashtun", "Pashtuns", "Uighur", "Uighurs", "Uyghur", "Uyghurs", "Rohingya", "Roma", "Serb", "Serbs", "Croat", "Croats",
        "Bosniak", "Bosniaks", "Albanian", "Albanians", "Latino", "Latinos", "Hispanic", "Hispanics", "Asian", "Asians",
        "African", "Africans", "European", "Europeans", "Western", "Westerners", "Slav", "Slavs", "Aboriginal", "Aborigines",
        "Bedouin", "Berber", "Berbers", "Tuareg", "Zulu", "Zulus", "Sami", "Cossack", "Cossacks", "Yazidi", "Yazidis", "Kashmiri",
        "Kashmiris", "Taliban", "Arabic", "Hebrew", "Latin", "Celtic", "Anglo-Saxon", "Scandinavian", "Caribbean", "Balkan",
        "Baltic", "Nordic", "Asian-American", "African-American", "African-Americans", "Catalan", "Catalans", "Flemish",
        "Walloon", "Corsican", "Sicilian", "Bavarian", "Texan", "Texans", "Californian", "Californians", "Scot", "Scots",
        "Scottish", "Welsh", "English", "Irish", "Ulster", "Briton", "Britons", "Brit", "Brits", "Sunni Muslim", "Shi'ite Muslim",
    ];
}
