"""Word lists that steer token weights: honorifics, particles, very common names, generic company words.

A match on "Mohammed" or "Trading" says little about identity; a mismatch on "Melli" vs "Saderat" says a
lot. These lists (compiled by hand from common knowledge of naming conventions and from the token
frequencies of public sanctions lists) give such tokens a low weight. Lists hold lower-case ASCII forms,
i.e. what `translit.latin_form` yields.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and honorifics anywhere in a person's name: dropped before comparison. Ambiguous words that are
# also given names (Amir, Sayed, Malik, Sultan) are deliberately absent.
HONORIFICS = _words(
    """
    mr mrs ms miss mx mister madam madame mme mlle monsieur herr frau sr sra srta senor senora dr doctor
    prof professor sir dame lord lady hon honorable honourable excellency rev reverend fr father
    sheikh sheik shaikh shaykh cheikh sheykh haji hajji hadji hadj hajj alhaj alhajji mullah mulla molla
    maulana maulvi mawlawi moulavi mawlana mufti imam ayatollah hojatoleslam hojjatoleslam sayyidna
    gen general col colonel maj major capt captain cpt lt lieutenant sgt sergeant adm admiral brig brigadier
    cmdr commander marshal cdr pvt private cpl corporal ustadh ustad ustaz
    shaih sheih shejh shejkh hadzhi khadzhi doktor gospodin gospozha polkovnik kyrios kyria
    """
)  # the second-last line: the same titles written in Cyrillic or Greek, as transliterated (шейх → sheih)

# The same in Arabic script, as written (a vowel-less Latin form such as "mr" for عمر, Omar, is no title).
ABJAD_HONORIFICS = frozenset({"شيخ", "حاج", "حاجي", "ملا", "دكتور", "مولوي", "مولانا", "مفتي"})

# Symbols rigour attaches to honorifics in any script (شيخ, حاج).
HONORIFIC_SYMBOLS = frozenset({"SYMBOL:SHEIKH", "SYMBOL:HAJI"})

# Words of legal forms that rigour's legal-form table leaves in the name ("Company" in "Company Limited"),
# and national legal forms it does not know at all, frequent on sanctions lists: Lebanon's SAL, the Gulf's
# WLL, BSC, QSC and SAOG, the UAE's free-zone FZC and FZCO, Egypt's SAE, Mexico's SAB (S.A.B. de C.V.),
# Spain's SL, Sweden's AB, Norway's ASA, Malaysia's Sdn (Bhd), Singapore's Pte, Australia's Pty,
# Indonesia's PT and Tbk, Japan's KK, Bulgaria's EOOD; Russian "company" and "corporation" and the
# abbreviations of what a Russian enterprise is, which registers and lists put before its name or leave
# out (VPK military-industrial corporation, NPO and NPP research-and-production association and
# enterprise, NPK complex, NII and TsNII research institute, OKB design bureau, FGUP, GUP and MUP unitary
# enterprises: "NPO Mashinostroyeniya" = "AO VPK NPO Mashinostroyeniya"; NK oil company, AK joint-stock
# company, GK group of companies or state corporation: "PAO NK Rosneft", "AK ALROSA (PAO)", "GK Rostec");
# "Limited" in Urdu (لمیٹڈ, "lmytd") and Thai (จำกัด, "cakad").
LEGAL_WORDS = _words(
    """
    company co companies corporation corp incorporated inc limited ltd llc plc gmbh ag sa srl spa bv nv
    concern firm establishment est
    sal wll bsc qsc qpsc saog saoc fzc fzco sae sab sl slu ab asa sdn pte pty pt tbk kk eood
    lmytd cakad
    kompaniya kompaniia korporatsiya korporatsiia
    vpk npo npp npk nii tsnii okb fgup gup mup nk ak gk
    """
)

# Long legal-form words in their common spellings: a token one typo away from one of these ("Limitid",
# "Liimted", "Compnay", "коперативе" → "koperative") is a misspelt legal form, not a distinctive name.
LEGAL_FORM_SPELLINGS = _words(
    """
    limited limitada company companies corporation incorporated cooperative kooperative cooperativa
    compania compagnie sociedad societe societa gesellschaft aktiengesellschaft partnership
    """
)

# Words only a company's name contains, never a person's, in any language the lists use: legal forms
# that are no one's name part (not "SA", "AG", "PT" or "AB": Sa'd, Ag, Pt and Ab are written in people's
# names) and nouns of what an organisation is. A query of unknown schema written with one is screened as
# an organisation only (`normalize.written_as_company`).
COMPANY_ONLY_WORDS = _words(
    """
    llc ltd limited limitada ltda inc incorporated gmbh plc corp corporation company companies compania
    compagnie companhia sociedad societe societa gesellschaft aktiengesellschaft ooo oao zao ojsc cjsc
    pjsc jsc sarl srl bhd llp fzco fzc wll qpsc saog saoc eood tbk
    kompaniya kompaniia obshchestvo tovarishchestvo aktsionernoe otvetstvennostyu
    trading holding holdings industries enterprises establishment ministry committee institute association
    foundation organization organisation organizacion agency bureau group grupo gruppe groupe empresa
    empresas inversiones comercializadora constructora servicios preduzece predpriyatie
    """
)

# Words of organisations' names in Chinese (simplified and traditional), Korean and Japanese, which write
# them without spaces ("珠海振戎公司", "조선광업개발무역회사"), in the English their registers and the
# lists write for them ("Zhuhai Zhenrong Company", "Korea Mining Development Trading Corporation"): read
# character by character they would be syllables nobody writes ("gong si", "mu yeok"). Only words of two
# characters or more: a single character is too often part of a proper name. Place names are the English
# ones names use ("Bank of China", not "Zhongguo"; 조선 is Korea in the North's names).
_CJK_ORGANISATION_WORDS = """
    股份有限公司 co_ltd 有限责任公司 co_ltd 有限責任公司 co_ltd 有限公司 co_ltd 公司 company 集团 group
    集團 group 控股 holdings 银行 bank 銀行 bank 技术 technology 技術 technology 科技 technology
    贸易 trading 貿易 trading 商贸 trading 商貿 trading 进出口 import_export 進出口 import_export
    国际 international 國際 international 实业 industrial 實業 industrial 工业 industries
    工業 industries 电子 electronics 電子 electronics 投资 investment 投資 investment 发展 development
    發展 development 建设 construction 建設 construction 建筑 construction 建築 construction
    生产 production 生產 production 兵团 corps 兵團 corps 航空 airlines 航运 shipping 航運 shipping
    海运 shipping 海運 shipping 船务 shipping 船務 shipping 物流 logistics 石油 petroleum
    石化 petrochemical 化工 chemical 能源 energy 矿业 mining 礦業 mining 研究所 research_institute
    研究院 research_institute 大学 university 大學 university 委员会 committee 委員會 committee
    协会 association 協會 association 设备 equipment 設備 equipment 材料 materials 机械 machinery
    機械 machinery 制造 manufacturing 製造 manufacturing 创新 innovation 創新 innovation
    中国 china 中國 china 香港 hong_kong 朝鲜 korea 朝鮮 korea 伊朗 iran 俄罗斯 russia 俄羅斯 russia
    叙利亚 syria 敘利亞 syria
    주식회사 co_ltd 유한회사 co_ltd 총회사 general_corporation 회사 company 공사 corporation 상사 trading
    그룹 group 은행 bank 무역 trading 조선 korea 개발 development 광업 mining 기술 technology
    합영 joint_venture 수출입 export_import 해운 shipping 국제 international 산업 industries
    공업 industries 전자 electronics 건설 construction 항공 air 대외 foreign 중앙 central 대학 university
    위원회 committee
    株式会社 co_ltd 有限会社 co_ltd 会社 company 商事 trading 重工業 heavy_industries 産業 industries
    自動車 motor 製作所 works 電機 electric
"""
CJK_ORGANISATION_WORDS = {
    written: english.replace("_", " ")
    for written, english in zip(*[iter(_CJK_ORGANISATION_WORDS.split())] * 2, strict=True)
}

# Those of them no one's name is written with: a name of unknown kind holding one is an organisation's
# (建设 Jianshe and 国际 Guoji are also given names).
CJK_COMPANY_ONLY_WORDS = frozenset(
    written
    for written, english in CJK_ORGANISATION_WORDS.items()
    if english in ("co ltd", "company", "group", "bank", "general corporation")
)

# Connective particles inside names: kept (they help alignment) but weigh almost nothing.
PARTICLES = _words(
    """
    al el ul ol ad ed ud ur as ash at ath az ar an ibn bin ben bint binti bn ould ag abu abou bou
    van von der den de da di du dos das del della la le los las y e zu ter ten
    und et och og wal
    abw bw abn bnt bnw wld
    """
)  # "ud", "ur": the article in South Asian spellings (Jamaat-ud-Dawa, Habib-ur-Rehman); "und", "et", "och",
# "og": "and", which the other spelling of a company name writes "&" (Nordström & Söner = Nordstrom och
# Soner); "wal": Arabic "and the" (al-Tawhid wal-Jihad, Ahl al-Sunna wal-Jama'a), not a word of the name
# its acronym spells (KTJ); the last line: أبو بو ابن بنت بنو ولد as transliterated without vowels (abu,
# bou, ibn, bint, banu, ould)

# Patronymic endings (Slavic, Turkic, Icelandic): a patronymic present on one side only is no conflict.
# The Russian and Ukrainian ones only people have (Turkic and Scandinavian ones also name companies).
EAST_SLAVIC_PATRONYMIC_SUFFIXES = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna")
PATRONYMIC_SUFFIXES = (
    *EAST_SLAVIC_PATRONYMIC_SUFFIXES, "oglu", "ogly", "uly", "kyzy", "qizi", "zoda", "sson", "dottir",
)  # fmt: skip

# Given names and surnames shared by very many people across the lists and the world's populations.
COMMON_PERSON_TOKENS = _words(
    """
    muhammad mohammad mohammed mohamed mohamad muhammed mohd mahomed mehmet mehmed ahmad ahmed ahmet
    ali hasan hassan husain husayn hussain hussein huseyn abdul abd abdel abdal abdallah abdullah
    abdulla abdollah ibrahim ebrahim ibragim umar omar omer usman osman uthman yusuf yousef youssef
    yusef jusuf musa moussa mousa mustafa mostafa mustapha khalid khaled said saeed saeid sayed salih
    saleh salah mahmoud mahmud mahmood hamid hamed rahman rehman rahim aziz karim kareem hussien reza
    jose juan luis carlos antonio manuel francisco jesus maria miguel pedro jorge alberto fernando
    rafael ramon alejandro eduardo ricardo roberto javier angel mario victor david daniel john james
    robert michael william richard thomas charles joseph mark paul peter george andrew ivan sergey
    sergei aleksandr alexander alexandr aleksey alexey andrey andrei vladimir dmitry dmitriy nikolay
    nikolai mikhail igor oleg yuri yury viktor anna elena olga natalia natalya tatiana irina svetlana
    mary patricia jennifer linda elizabeth barbara susan margaret sarah fatima fatma aisha ayesha
    zainab maryam mariam khadija
    garcia rodriguez gonzalez gonzales fernandez lopez martinez sanchez perez gomez martin hernandez
    diaz torres ramirez flores rivera morales ortiz castro ruiz alvarez romero vargas
    smith johnson williams brown jones miller davis wilson anderson taylor moore jackson white harris
    ivanov ivanova petrov petrova smirnov smirnova kuznetsov popov sokolov volkov
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang
    kim lee park choi jung kang cho yoon jang lim han oh shin ri pak
    nguyen tran le pham hoang phan vu dang bui do ho ngo duong ly
    singh kumar sharma patel khan shah gupta das
    """
)

# Words that describe what an organisation is or does rather than which one it is.
GENERIC_ORG_TOKENS = _words(
    """
    company co companies corporation corp incorporated inc limited ltd group grupo groupe gruppe holding
    holdings trading trade traders international internacional intl global general national nacional
    united union industries industry industrial industria enterprise enterprises services service
    servicios solutions systems technology technologies tech engineering construction constructora
    development investment investments inversiones capital finance financial bank banco banque bancorp
    insurance shipping ship shipmanagement maritime marine lines logistics transport transportes
    import export imports exports commercial comercial comercializadora commerce trust fund foundation
    association society institute center centre organization organisation agency bureau office
    management partners consulting energy oil gas petroleum petrochemical chemical chemicals mining
    metals steel electronics electric power manufacturing production products agro agricultural
    foods food pharma pharmaceutical medical health media communications telecom network networks
    resources supply supplies equipment machinery motors aviation airlines air airways sea ocean
    star new world east west north south middle far eastern western asia africa europe american euro
    first second third state government federal public joint stock republic islamic mobile digital
    software minerals tanker tankers navigation travel tourism hotels textile textiles cement fertilizer
    fertilizers plastics paper biotech """
)

# Cities and provinces that open the registered names of companies on the lists and that rigour's place
# table lacks: Chinese companies are registered as "<city> <name> <trade> Co., Ltd." and written without
# the city as often as with it ("Shenzhen Huawei Technologies" / "Huawei Technologies"), and the lists'
# other networks are named after the cities they trade from. Weighed as places (`normalize._org_weight`):
# they say where a business is, not which one. Hong Kong is written as one word for this
# (`normalize.HONG_KONG`). Only in organisations' names: many of these are people's names too.
PLACE_WORDS = _words(
    """
    guangzhou shenzhen shenzen dongguan foshan zhuhai zhongshan huizhou jiangmen shantou xiamen fuzhou
    quanzhou zhangzhou hangzhou ningbo wenzhou yiwu taizhou nanjing suzhou wuxi changzhou nantong xuzhou
    qingdao jinan yantai weihai zibo dalian dandong shenyang harbin changchun wuhan changsha zhengzhou
    chengdu xian kunming nanning hefei lanzhou urumqi tangshan hongkong kowloon taipei
    tehran isfahan mashhad tabriz shiraz damascus aleppo homs latakia beirut baghdad basra mosul erbil
    sanaa aden khartoum tripoli benghazi mogadishu kabul karachi pyongyang nampo wonsan sinuiju
    minsk kiev sevastopol yekaterinburg vladivostok kazan istanbul baku yerevan tbilisi almaty tashkent
    caracas havana jakarta bangkok yangon hanoi limassol larnaca nicosia valletta tallinn riga vilnius
    """
)

# Generic organisation words in other scripts' Latin forms (Russian/Ukrainian registers, Persian, Arabic).
GENERIC_ORG_TOKENS_TRANSLIT = _words(
    """
    obshchestvo tovarishchestvo aktsionernoe otvetstvennostyu ogranichennoi ogranichennoy kompaniya
    kompaniia gruppa torgovyi torgovy torgovyy torgovaya dom bank banka sanaye sanayi sherkat sharikat
    sharikah sherkate tejarat tijara tijariya mu assasat muassasat
    shrkt bnk hwapymayy kshtyrany snay sazman grwh qrargah gharargah sazndgy sazandegi
    tjary tjaryt qabdt mwsst mwssh wzart vezarat wizarat hyyt srafy jmhwry jmhwryt
    bynk bnq trapeza banki bankis thnakhar bainka kmpny kampani etaireia hbrh brisath indastriz indastrij
    msrf khtwt jwyt tyran lltyran astthmar llastthmar amt wtny wtnyt dwly dwlyt bhryt mlaht snaat snayt
    ghaz llnft btrwl llbtrwl mjmwt jmyt khyryt mnzmt mmlkt mthdt
    """
)


def _symbol_groups(*groups: str) -> dict[str, frozenset[str]]:
    """Each group "SYMBOL word word …" gives every word in it that symbol."""
    table: dict[str, frozenset[str]] = {}
    for group in groups:
        symbol, _, words = group.partition(" ")
        for word in words.split():
            table[word] = table.get(word, frozenset()) | {symbol}
    return table


# Abbreviations and words rigour gives no shared symbol, shared here so that they compare as variants
# ("St. Petersburg Trading House" = "Saint Petersburg Trading House", "Mahan Air" = "Mahan Airlines").
ABBREVIATION_SYMBOLS = _symbol_groups(
    "ABBR:SAINT st saint sankt",
    "ABBR:SAINTE ste sainte",
    "ABBR:MOUNT mt mount",
    "ABBR:FORT ft fort",
    "ABBR:INDUSTRIES ind inds industries",
    "ABBR:HEADQUARTERS hq hqs headquarters",
    "DOMAIN:AIRLINE air airways airline airlines havapeymayi",
    # Organisations' words in Persian and Arabic as the lists spell them in Latin ("Sherkat", "Melli") and
    # in English ("Company", "National"); `OTHER_SCRIPT_SYMBOLS` gives the words as written the same.
    "ABBR:COMPANY company sherkat sherkate sharikat sharikah",
    "ABBR:BANK bank",
    # Thai and Devanagari are read in Latin letters before anything else: their words' Latin forms.
    "ABBR:COMPANY kampani brisath brisat",
    "ABBR:BANK thnakhar thanakhan bainka",
    "ABBR:INDUSTRIES indastriz indastrij",
    "ABBR:SHIPPING shipping kashtirani",
    "ABBR:INDUSTRIES sanaye sanayi",
    "ABBR:ORGANIZATION organization organisation sazman",
    "ABBR:GROUP group",
    "ABBR:FOUNDATION foundation bonyad",
    "ABBR:HEADQUARTERS gharargah",
    "ABBR:CONSTRUCTION construction sazandegi",
    "ABBR:ISLAMIC islamic islami eslami",
    "ABBR:NATIONAL national melli",
    "ABBR:REVOLUTIONARY revolutionary enghelab",
    "ABBR:CORPS corps sepah sipah",
    "ABBR:GUARDS guard guards guardians pasdaran",
    "ABBR:REPUBLIC republic",
    "ABBR:IRAN iran iranian",
    "ABBR:OIL oil naft",
    "ABBR:COMMERCIAL commercial tijari",
    "ABBR:HOLDING holding holdings",
    "ABBR:ESTABLISHMENT establishment muassasat",
    "ABBR:MINISTRY ministry vezarat wizarat",
    "ABBR:AUTHORITY authority",
    "ABBR:EXCHANGE exchange sarafi",
)

# Words of organisations' names in the languages the lists and registers write them in (English, Spanish,
# Portuguese, French, Italian, German, Russian and Kurdish in Latin letters), so that a name and its
# translation meet word for word: "Revolutionary Armed Forces of Colombia" / "Fuerzas Armadas
# Revolucionarias de Colombia", "Moscow Exchange" / "Moskovskaya Birzha". Only in organisations' names
# (`normalize._make_token`): several are people's names too (Armando, Frente).
TRANSLATED_WORD_SYMBOLS = _symbol_groups(
    "WORD:ARMED armed armadas armados armees armate bewaffnete vooruzhennye vooruzhennykh",
    "WORD:FORCES forces fuerzas forcas forze streitkrafte sily",
    "WORD:REVOLUTIONARY revolutionary revolucionarias revolucionario revolucionaria revolucionarios"
    " revolutionnaire revolutionnaires rivoluzionario rivoluzionarie revolutsionnaya revolutsionnyi",
    "WORD:PARTY party partido parti partito partei partiya",
    "WORD:WORKERS workers trabajadores trabalhadores travailleurs lavoratori arbeiter rabochaya"
    " rabochikh karkeren",
    "WORD:FRONT front frente fronte",
    "WORD:LIBERATION liberation liberacion libertacao liberazione befreiung osvobozhdeniya",
    "WORD:ARMY army ejercito exercito armee esercito armiya",
    "WORD:PEOPLE people peoples pueblo popular populaire popolo narodnaya narodnyi narodny",
    "WORD:MOVEMENT movement movimiento movimento mouvement bewegung dvizhenie",
    "WORD:UNITED united unidas unidos unies unite vereinigte obedinennaya",
    "WORD:NATIONAL national nacional nationale nazionale natsionalnyi natsionalnaya",
    "WORD:BANK banco banque banca bank",
    "WORD:EXCHANGE exchange birzha bolsa bourse borse",
    "WORD:CHANNEL channel kanal canal",
    "WORD:PLANT plant works factory zavod fabrika planta usine werk",
    "WORD:ARMS arms weapons oruzheiny oruzheinyi armas",
    "WORD:MOSCOW moscow moskovskaya moskovskii moskovsky moskva moscou moskau",
    "WORD:RUSSIA russia rossiya rossii russian rossiiskaya rossiiskii",
    "WORD:UNION union unione soyuz",
    "WORD:ISLAMIC islamic islamica islamique islamico",
    "WORD:STATE state estado etat stato gosudarstvennaya gosudarstvennyi",
    "WORD:COMMITTEE committee comite comitato komitet",
    # The words Arabic names of organisations translate into English (their Arabic forms are in
    # `OTHER_SCRIPT_SYMBOLS`): "المصرف التجاري السوري" is the "Commercial Bank of Syria", "الخطوط الجوية
    # العراقية" "Iraqi Airways". Keys of the index (ABBR:), so that such a name finds its translation.
    "ABBR:INVESTMENT investment investments",
    "ABBR:INTERNATIONAL international",
    "ABBR:MARITIME maritime",
    "ABBR:MARINE marine",
    "ABBR:NAVAL naval",
    "ABBR:GAS gas",
    "ABBR:PETROLEUM petroleum",
    "ABBR:ASSOCIATION association",
    "ABBR:SOCIETY society",
    "ABBR:CHARITY charity charitable",
    "ABBR:BRIGADES brigades",
    "ABBR:BATTALIONS battalions",
    "ABBR:KINGDOM kingdom",
    "ABBR:GENERAL general",
    "ABBR:PUBLIC public",
    "ABBR:LINES lines",
    "ABBR:SAUDI saudi saudia saudiya saudiyah",
    "ABBR:ARAB arab arabic",
    "ABBR:ARABIA arabia arabian",
    "ABBR:IRAQ iraq iraqi",
    "ABBR:SYRIA syria syrian",
    "ABBR:LIBYA libya libyan",
    "ABBR:KUWAIT kuwait kuwaiti",
    "ABBR:YEMEN yemen yemeni yemenia",
    "ABBR:LEBANON lebanon lebanese",
    "ABBR:SUDAN sudan sudanese",
    "ABBR:EGYPT egypt egyptian",
    "ABBR:JORDAN jordan jordanian",
    "ABBR:QATAR qatar qatari",
    "ABBR:EMIRATES emirates emirati",
    "ABBR:PALESTINE palestine palestinian",
    # Two emirates whose Latin spellings share their consonants (Dubai and Dhabi are both "dby")
    "ABBR:DUBAI dubai",
    "ABBR:ABU-DHABI dhabi",
)
# The country symbols above (and two emirates'): two words with such symbols and none in common name two
# countries, never spellings of one ("Syrian Arab Airlines" / "Libyan Arab Airlines").
COUNTRY_SYMBOLS = frozenset(
    {
        "ABBR:SAUDI", "ABBR:IRAQ", "ABBR:SYRIA", "ABBR:LIBYA", "ABBR:KUWAIT", "ABBR:YEMEN", "ABBR:LEBANON",
        "ABBR:SUDAN", "ABBR:EGYPT", "ABBR:JORDAN", "ABBR:QATAR", "ABBR:EMIRATES", "ABBR:PALESTINE",
        "ABBR:IRAN", "ABBR:DUBAI", "ABBR:ABU-DHABI",
    }
)  # fmt: skip

# Symbols rigour gives words that name other things: a petrochemical company is not an oil company
# (Caspian Petrochemical / Caspian Petroleum, two businesses).
SYMBOLS_NOT_MEANT = {
    "petrochemical": frozenset({"DOMAIN:OIL"}),
    "petrochemicals": frozenset({"DOMAIN:OIL"}),
}

# The same words written in another script (Persian, Arabic, Urdu, Hebrew, Greek, Georgian), by the Latin
# form of the word as written (شرکت "shrkt", ملی "mly", בנק "bnq", Τράπεζα "trapeza"): only for words
# written in such a script, where "nft" is نفت (oil) and not a Latin acronym. An organisation's name in
# that script then meets its English name and its Latin spelling alike: "شرکت ملی نفت ایران" is "National
# Iranian Oil Company", "بانک ملی ایران" "Bank Melli Iran", "בנק הפועלים" "Bank Hapoalim".
OTHER_SCRIPT_SYMBOLS = _symbol_groups(
    "DOMAIN:AIRLINE hwapymayy",
    "ABBR:COMPANY shrkt kmpny etaireia hbrh",
    "ABBR:BANK bnk bynk bnq trapeza banki bankis",
    "ABBR:SHIPPING kshtyrany",
    "ABBR:INDUSTRIES snay",
    "ABBR:ORGANIZATION sazman",
    "ABBR:GROUP grwh",
    "ABBR:FOUNDATION bnyad",
    "ABBR:HEADQUARTERS qrargah",
    "ABBR:CONSTRUCTION sazndgy",
    "ABBR:ISLAMIC aslamy",
    "ABBR:NATIONAL mly",
    "ABBR:REVOLUTIONARY anqlab",
    "ABBR:CORPS spah",
    "ABBR:GUARDS pasdaran",
    "ABBR:REPUBLIC jmhwry jmhwryt",
    "ABBR:IRAN ayran",
    "ABBR:OIL nft",
    "ABBR:COMMERCIAL tjary tjaryt",
    "ABBR:HOLDING qabdt",
    "ABBR:ESTABLISHMENT mwsst mwssh",
    "ABBR:MINISTRY wzart",
    "ABBR:AUTHORITY hyyt",
    "ABBR:EXCHANGE srafy",
    # Arabic: organisations' words, with the article split off (المصرف "msrf") or, after the preposition
    # li-, written joined to it (للاستثمار "llastthmar", للطيران "lltyran"); country names and their
    # adjectives, masculine and feminine (السوري "swry", السورية "swryt"). See `TRANSLATED_WORD_SYMBOLS`.
    "ABBR:BANK msrf",
    "DOMAIN:AIRLINE jwyt tyran lltyran",
    "ABBR:INVESTMENT astthmar llastthmar",
    "ABBR:GENERAL amt",
    "ABBR:PUBLIC amt",
    "ABBR:LINES khtwt",
    "ABBR:NATIONAL wtny wtnyt",
    "ABBR:INTERNATIONAL dwly dwlyt",
    "ABBR:MARITIME bhryt",
    "ABBR:MARINE bhryt",
    "ABBR:NAVAL bhryt",
    "ABBR:SHIPPING mlaht",
    "ABBR:INDUSTRIES snaat snayt",
    "ABBR:GAS ghaz",
    "ABBR:OIL llnft",
    "ABBR:PETROLEUM btrwl llbtrwl",
    "ABBR:GROUP mjmwt",
    "ABBR:ASSOCIATION jmyt",
    "ABBR:SOCIETY jmyt",
    "ABBR:CHARITY khyryt",
    "ABBR:ORGANIZATION mnzmt",
    "WORD:MOVEMENT hrkt",
    "WORD:FRONT jbht",
    "WORD:ARMY jysh",
    "ABBR:BRIGADES ktayb",
    "ABBR:BATTALIONS ktayb",
    "ABBR:KINGDOM mmlkt",
    "ABBR:ISLAMIC aslamyt",
    "ABBR:IRAN ayranyt",
    "WORD:UNITED mthdt",
    "ABBR:SAUDI swdy swdyt",
    "ABBR:ARAB rby rbyt",
    "ABBR:ARABIA rby rbyt",
    "ABBR:IRAQ raq raqy raqyt",
    "ABBR:SYRIA swrya swryt swry",
    "ABBR:LIBYA lybya lyby lybyt",
    "ABBR:KUWAIT kwyt kwyty kwytyt",
    "ABBR:YEMEN ymn ymny ymnyt",
    "ABBR:LEBANON lbnan lbnany lbnanyt",
    "ABBR:SUDAN swdan swdany swdanyt",
    "ABBR:EGYPT msr msry msryt",
    "ABBR:JORDAN ardn ardny ardnyt",
    "ABBR:QATAR qtr qtry qtryt",
    "ABBR:EMIRATES amarat amaratyt",
    "ABBR:PALESTINE flstyn flstyny flstynyt",
    "ABBR:DUBAI dby",
    "ABBR:ABU-DHABI zby abwzby",
)

# The same for people's names only: "MD" is Muhammad in a Bangladeshi or Pakistani name, a doctor or a
# managing director in a company's. rigour gives Mohamad, Mohd and Md symbols of their own, none of them
# Muhammad's ("Md. Shahid Ansari" = "Mohammed Shahid Ansari", "Mohd Najib" = "Muhammad Najib").
_PERSON_ABBREVIATIONS = (
    "ABBR:MUHAMMAD md mhd mohd muhd mohamad muhamad mohammad muhammad mohammed muhammed mohamed"
    " muhamed mohamud",
)

# The Russian, Ukrainian and Belarusian forms of one given name, in their usual Latin spellings: one
# person's name is written in Russian on one list and in Ukrainian or Belarusian on another document
# ("Mykola AZAROV" = "Nikolai AZAROV", "Siarhei" = "Sergei"). rigour links few of them, and the letters
# differ in consonants (Mykola / Nikolai, Hryhoriy / Grigori), which two other names would.
_EAST_SLAVIC_GIVEN_NAMES = (
    "NAME:cw-nikolai nikolai nikolay nikolaj mykola mikola mykolai mykolay mikalai mikalay mikalaj",
    "NAME:cw-aleksandr aleksandr alexandr aleksander alexander oleksandr olexandr oleksander aliaksandr"
    " alyaksandr aliaksandar",
    "NAME:cw-aleksei aleksei alexei aleksey alexey aleksej oleksii oleksiy oleksij olexiy aliaksei alyaksei"
    " aliaksej",
    "NAME:cw-sergei sergei sergey sergej serhii serhiy serhij sergii sergiy siarhei siarhej syarhey",
    "NAME:cw-andrei andrei andrey andrej andrii andriy andrij",
    "NAME:cw-yuri yuri yuriy yurii yury iurii jurij",
    "NAME:cw-dmitri dmitri dmitry dmitrii dmitriy dmytro dzmitry dzmitryi",
    "NAME:cw-pyotr pyotr petr piotr petro pyatro",
    "NAME:cw-pavel pavel pavlo paval",
    "NAME:cw-mikhail mikhail mikhailo mykhailo mykhaylo mikhal",
    "NAME:cw-grigori grigori grigory grigoriy grigorii hryhorii hryhoriy ryhor",
    "NAME:cw-vasili vasili vasily vasiliy vasilii vasyl vasil",
    "NAME:cw-oleg oleg oleh aleh",
    "NAME:cw-igor igor ihor ihar",
    "NAME:cw-yevgeni yevgeny yevgeniy yevgenii evgeny evgeni evgenii evgeniy yevhen yevhenii yevheniy"
    " yauhen yaugen",
    "NAME:cw-anatoli anatoli anatoly anatoliy anatolii anatol",
    "NAME:cw-vitali vitali vitaly vitaliy vitalii",
    "NAME:cw-valeri valeri valery valeriy valerii",
    "NAME:cw-bogdan bogdan bohdan",
    "NAME:cw-georgi georgi georgy georgiy georgii heorhii heorhiy",
    "NAME:cw-gennadi gennady gennadi gennadiy gennadii hennadii hennadiy henadz",
    "NAME:cw-fyodor fyodor fedor fiodor fedir fiodar",
    "NAME:cw-stanislav stanislav stanislau",
    "NAME:cw-konstantin konstantin kostiantyn kostyantyn kanstantsin",
    "NAME:cw-viktor viktor victor viktar",
    "NAME:cw-vladimir vladimir volodymyr uladzimir vladzimir",
    "NAME:cw-leonid leonid leanid",
    "NAME:cw-maksim maksim maxim maksym",
    "NAME:cw-artyom artyom artem artsiom",
    "NAME:cw-denis denis denys dzianis",
    "NAME:cw-yelena yelena elena olena",
    "NAME:cw-yekaterina yekaterina ekaterina kateryna katsiaryna",
    "NAME:cw-natalya natalya natalia nataliya natalja natallia",
    "NAME:cw-tatyana tatyana tatiana tetiana tetyana tatsiana",
    "NAME:cw-irina irina iryna",
    "NAME:cw-galina galina halyna",
    "NAME:cw-lyudmila lyudmila ludmila liudmyla lyudmyla liudmila",
    "NAME:cw-svetlana svetlana svitlana sviatlana",
    "NAME:cw-yuliya yuliya yulia iuliia yuliia",
    "NAME:cw-olga olga olha volha",
)

# One given name in the languages its bearers write it in, and its common short forms: a person's name is
# translated on a passport, a residence permit or a list ("Giuseppe Rossi" = "Joseph Rossi", "Yusuf
# Ahmed" = "Joseph Ahmed", "Hans Müller" = "Johannes Müller", "Peggy" = "Margaret"). rigour links few of
# them. They are other spellings only as translations are, so they match below spelling variants
# (`align.SIM_OTHER_FORM`). Forms shorter than four letters that are also words or other names (Jo, Ed,
# Ben, Dan, Isa) are left out.
OTHER_FORM_PREFIX = "FORM:"
_GIVEN_NAME_FORMS = (
    "FORM:joseph joseph josef jozef jose giuseppe yosef yusuf youssef yousef yusef iosif osip josip jozsef"
    " pepe beppe yossi",
    "FORM:john john johannes johann hans jan juan joao giovanni ivan ioannis jean sean ian jens jovan ioan"
    " iwan janos johnny jack hannes",
    "FORM:joan joan joanna johanna jeanne giovanna juana janina",
    "FORM:peter peter pierre pedro pietro piotr pyotr petr petros peder pieter petar peadar",
    "FORM:paul paul pablo paolo pavel pawel paulo",
    "FORM:michael michael michel miguel michele mikhail michal mikael mikel mihail mihai mike mikkel",
    "FORM:jacob jacob jakob jakub yaakov yaqub yakub jacobo james jacques jaime giacomo jim jimmy jamie",
    "FORM:george george georges jorge giorgio jerzy jiri georg georgios giorgos yorgos",
    "FORM:stephen stephen steven stefan esteban stefano stepan etienne istvan stephane szczepan steve",
    "FORM:andrew andrew andre andres andrea andrzej andrei andreas andras ondrej andy",
    "FORM:matthew matthew matthieu mateo matteo mateusz matvei matthias mathias matyas",
    "FORM:nicholas nicholas nicolas nicola nikolai mikolaj nikolaos niccolo nicolae niklas nikolaus klaus",
    "FORM:alexander alexander alejandro alessandro aleksandr alexandre aleksander iskandar sasha",
    "FORM:charles charles carlos carlo karl karel karol carl charlie",
    "FORM:william william guillaume guillermo guglielmo wilhelm willem bill billy",
    "FORM:henry henry henri enrique enrico heinrich henryk hendrik harry",
    "FORM:francis francis francois francisco francesco franz frantisek franciszek paco",
    "FORM:anthony anthony antoine antonio anton antoni antonin tony",
    "FORM:thomas thomas tomas tommaso tomasz foma",
    "FORM:mary mary marie maria mariya maryam miriam marija",
    "FORM:catherine catherine katherine kathryn katharina caterina catalina ekaterina katarzyna kate",
    "FORM:elizabeth elizabeth elisabeth isabel isabella elisabetta elzbieta yelizaveta betty",
    "FORM:margaret margaret marguerite margarita margherita malgorzata peggy maggie",
    "FORM:abraham abraham ibrahim avraham",
    "FORM:muhammad muhammad mohammad mohammed muhammed mohamed mehmet mehmed",
    "FORM:uthman uthman othman osman usman usmon",
    "FORM:moses moses musa moshe moises",
    "FORM:solomon solomon suleiman sulayman suleyman shlomo salomon",
    "FORM:david david dawud dawood daoud davide dovid",
    "FORM:isaac isaac ishaq yitzhak itzhak",
    "FORM:jonah jonah yunus jonas",
    "FORM:zachary zachary zakariya zakaria zacharias zaccaria",
    "FORM:gabriel gabriel jibril gavriel",
    "FORM:elijah elijah ilyas elias eliyahu",
    "FORM:samuel samuel shmuel samuele",
    "FORM:robert robert roberto bobby",
    "FORM:richard richard ricardo riccardo ryszard",
    "FORM:edward edward eduardo edoardo eduard",
    "FORM:lawrence lawrence laurent lorenzo lorenz",
    "FORM:vincent vincent vincenzo vicente wincenty",
    "FORM:louis louis luis luigi ludwig ludovic",
    "FORM:frederick frederick frederic federico friedrich fryderyk",
    "FORM:christopher christopher christophe cristobal cristoforo krzysztof christoph",
    "FORM:philip philip philippe felipe filippo filip",
    "FORM:gregory gregory gregoire gregorio grzegorz gregor",
    "FORM:dominic dominic dominique domingo domenico dominik",
    "FORM:susan susan susanne suzanne susanna zsuzsanna",
    "FORM:theresa theresa teresa therese",
)

# The symbols above, only given to the words of people's names (and of names of unknown kind).
PERSON_NAME_SYMBOLS = _symbol_groups(*_PERSON_ABBREVIATIONS, *_EAST_SLAVIC_GIVEN_NAMES, *_GIVEN_NAME_FORMS)

# An East Slavic patronymic is the father's given name and a suffix, in the form of the language the name
# is written in: Russian Nikolayevich / Nikolaevna, Ukrainian Mykolaiovych / Mykolaivna, Belarusian
# Mikalaevich. One person's lists and documents give it in several ("Vladimir Nikolaevich PAVLENKO" a.k.a.
# "Volodymyr Mykolaiovych PAVLENKO" on OFAC's list), and the spellings differ in consonants, as the given
# names do. A patronymic whose stem is one of `_EAST_SLAVIC_GIVEN_NAMES` gets that name's symbol with the
# patronymic's gender: a son's and a daughter's patronymics of one father are not one name. Suffixes are
# tried longest first; the stem is tried as it is and without a final i, y or j ("Sergeyevich" → serge,
# Sergei's stem; "Serhiiovych" → serhi → serh, Serhii's).
_EAST_SLAVIC_PATRONYMIC_ENDINGS = (
    ("m", ("iiovych", "iyovych", "iyevich", "iovych", "yovych", "ievich", "yevich", "avich", "evich", "ovich",
           "ovych", "evych")),
    ("f", ("iyevna", "ievna", "yevna", "iivna", "evna", "ovna", "ivna", "auna", "euna")),
)  # fmt: skip
PATRONYMIC_SYMBOL_ENDINGS = ("+son", "+daughter")


def _given_name_stems() -> dict[str, str]:
    stems: dict[str, str] = {}
    for group in _EAST_SLAVIC_GIVEN_NAMES:
        symbol, _, words = group.partition(" ")
        for word in words.split():
            for stem in (word, word.rstrip("iyj"), word[:-1] if word.endswith(("o", "a")) else word):
                if len(stem) >= 3:
                    stems.setdefault(stem, symbol)
    return stems


_GIVEN_NAME_STEMS = _given_name_stems()


def patronymic_symbols(latin: str) -> frozenset[str] | None:
    """The symbol of an East Slavic patronymic's father's name with its gender ("nikolaevich" and
    "mykolaiovych": NAME:cw-nikolai+son), or None for any other word."""
    if not latin.endswith(("ich", "ych", "na")):
        return None  # nearly every word
    for gender, suffixes in _EAST_SLAVIC_PATRONYMIC_ENDINGS:
        for suffix in suffixes:
            if latin.endswith(suffix) and len(latin) > len(suffix) + 2:
                stem = latin[: -len(suffix)]
                symbol = _GIVEN_NAME_STEMS.get(stem) or _GIVEN_NAME_STEMS.get(stem.rstrip("iyj"))
                if symbol is not None:
                    return frozenset({symbol + PATRONYMIC_SYMBOL_ENDINGS[gender == "f"]})
    return None
