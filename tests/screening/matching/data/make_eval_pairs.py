# ruff: noqa: E501  (hand-written data rows, one pair group per line)
"""Writes eval_pairs.csv: the labelled name pairs the matcher is evaluated on.

Every pair below was written by hand from public facts (names of public figures and sanctioned parties,
their native-script spellings, common romanisation variants, company legal forms). Only the typo pairs are
generated, by seeded random edits of hand-picked names. Run from anywhere:

    .venv/bin/python tests/screening/matching/data/make_eval_pairs.py

Columns: name1, name2, schema, label (1 = same party, 0 = different), category.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

OUT = Path(__file__).with_name("eval_pairs.csv")
P, C = "Person", "Company"

TRANSLIT_CYRILLIC = [
    ("Vladimir Putin", "Владимир Путин"), ("Dmitry Medvedev", "Дмитрий Медведев"),
    ("Sergey Lavrov", "Сергей Лавров"), ("Sergei Shoigu", "Сергей Шойгу"),
    ("Alexei Navalny", "Алексей Навальный"), ("Mikhail Gorbachev", "Михаил Горбачёв"),
    ("Boris Yeltsin", "Борис Ельцин"), ("Roman Abramovich", "Роман Абрамович"),
    ("Oleg Deripaska", "Олег Дерипаска"), ("Alisher Usmanov", "Алишер Усманов"),
    ("Viktor Vekselberg", "Виктор Вексельберг"), ("Igor Sechin", "Игорь Сечин"),
    ("Gennady Timchenko", "Геннадий Тимченко"), ("Arkady Rotenberg", "Аркадий Ротенберг"),
    ("Yevgeny Prigozhin", "Евгений Пригожин"), ("Ramzan Kadyrov", "Рамзан Кадыров"),
    ("Volodymyr Zelensky", "Володимир Зеленський"), ("Viktor Yanukovych", "Виктор Янукович"),
    ("Alexander Lukashenko", "Александр Лукашенко"), ("Nikolai Patrushev", "Николай Патрушев"),
    ("Sergey Naryshkin", "Сергей Нарышкин"), ("Alexander Bortnikov", "Александр Бортников"),
    ("Valentina Matviyenko", "Валентина Матвиенко"), ("Vyacheslav Volodin", "Вячеслав Володин"),
    ("Maria Zakharova", "Мария Захарова"), ("Dmitry Peskov", "Дмитрий Песков"),
    ("Elvira Nabiullina", "Эльвира Набиуллина"), ("Mikhail Mishustin", "Михаил Мишустин"),
    ("Andrey Kostin", "Андрей Костин"), ("German Gref", "Герман Греф"),
    ("Alexey Miller", "Алексей Миллер"), ("Yuri Kovalchuk", "Юрий Ковальчук"),
    ("Vagit Alekperov", "Вагит Алекперов"), ("Leonid Mikhelson", "Леонид Михельсон"),
    ("Petr Aven", "Пётр Авен"), ("Mikhail Fridman", "Михаил Фридман"),
    ("Suleiman Kerimov", "Сулейман Керимов"), ("Andrei Melnichenko", "Андрей Мельниченко"),
    ("Konstantin Malofeev", "Константин Малофеев"), ("Yulia Tymoshenko", "Юлия Тимошенко"),
    ("Petro Poroshenko", "Петро Порошенко"), ("Vitali Klitschko", "Виталий Кличко"),
    ("Aleksandar Vucic", "Александар Вучић"), ("Slobodan Milosevic", "Слободан Милошевић"),
    ("Vladimir Vladimirovich Putin", "Путин Владимир Владимирович"),
    ("Sergei Kiriyenko", "Сергей Кириенко"), ("Nikolai Tokarev", "Николай Токарев"),
]  # fmt: skip
TRANSLIT_CYRILLIC_ORG = [
    ("Gazprom", "Газпром"), ("Sberbank PJSC", "ПАО Сбербанк"), ("Romashka LLC", "ООО Ромашка"),
    ("Rosneft", "Роснефть"), ("Alfa-Bank JSC", "АО Альфа-Банк"), ("VTB Bank", "ВТБ Банк"),
    ("Lukoil PJSC", "ПАО Лукойл"), ("Uralvagonzavod", "Уралвагонзавод"), ("Sovcomflot", "Совкомфлот"),
    ("Transneft", "Транснефть"), ("Gazprombank", "Газпромбанк"), ("Novatek", "Новатэк"),
    ("Aeroflot", "Аэрофлот"), ("Rosoboronexport JSC", "АО Рособоронэкспорт"),
    ("Promsvyazbank", "Промсвязьбанк"), ("Kalashnikov Concern", "Концерн Калашников"),
]  # fmt: skip
TRANSLIT_ARABIC = [
    ("Mohamed Ali", "محمد علي"), ("Ahmed Hassan", "أحمد حسن"), ("Saddam Hussein", "صدام حسين"),
    ("Bashar al-Assad", "بشار الأسد"), ("Osama bin Laden", "أسامة بن لادن"),
    ("Ayman al-Zawahiri", "أيمن الظواهري"), ("Abu Bakr al-Baghdadi", "أبو بكر البغدادي"),
    ("Hassan Nasrallah", "حسن نصر الله"), ("Muammar Gaddafi", "معمر القذافي"),
    ("Ali Khamenei", "علي خامنئي"), ("Hassan Rouhani", "حسن روحاني"), ("Mahmoud Abbas", "محمود عباس"),
    ("Ismail Haniyeh", "إسماعيل هنية"), ("Khaled Mashal", "خالد مشعل"), ("Yahya Sinwar", "يحيى السنوار"),
    ("Abdullah Azzam", "عبد الله عزام"), ("Mohammed bin Salman", "محمد بن سلمان"),
    ("Abdel Fattah el-Sisi", "عبد الفتاح السيسي"), ("Hosni Mubarak", "حسني مبارك"),
    ("Mohamed Morsi", "محمد مرسي"), ("Qasem Soleimani", "قاسم سليماني"),
    ("Mahmoud Ahmadinejad", "محمود أحمدي نجاد"), ("Abu Musab al-Zarqawi", "أبو مصعب الزرقاوي"),
    ("Hamza bin Laden", "حمزة بن لادن"), ("Anwar al-Awlaki", "أنور العولقي"),
    ("Khalid Sheikh Mohammed", "خالد شيخ محمد"), ("Rami Makhlouf", "رامي مخلوف"),
    ("Maher al-Assad", "ماهر الأسد"), ("Yasser Arafat", "ياسر عرفات"),
    ("Gamal Abdel Nasser", "جمال عبد الناصر"), ("Omar al-Bashir", "عمر البشير"),
    ("Khalifa Haftar", "خليفة حفتر"), ("Nouri al-Maliki", "نوري المالكي"),
    ("Muqtada al-Sadr", "مقتدى الصدر"), ("Ebrahim Raisi", "ابراهیم رئیسی"),
    ("Mohammad Javad Zarif", "محمد جواد ظريف"), ("Ali Larijani", "علی لاریجانی"),
    ("Khaled Mahmoud", "خالد محمود"), ("Abdullah", "عبد الله"), ("Tariq Aziz", "طارق عزيز"),
    ("Izzat Ibrahim al-Douri", "عزة إبراهيم الدوري"), ("Ali Hassan al-Majid", "علي حسن المجيد"),
]  # fmt: skip
TRANSLIT_GREEK = [
    ("Alexis Tsipras", "Αλέξης Τσίπρας"), ("Kyriakos Mitsotakis", "Κυριάκος Μητσοτάκης"),
    ("Andreas Papandreou", "Ανδρέας Παπανδρέου"), ("Georgios Papadopoulos", "Γεώργιος Παπαδόπουλος"),
    ("Nikos Anastasiadis", "Νίκος Αναστασιάδης"), ("Konstantinos Karamanlis", "Κωνσταντίνος Καραμανλής"),
    ("Yanis Varoufakis", "Γιάνης Βαρουφάκης"), ("Dimitris Christofias", "Δημήτρης Χριστόφιας"),
    ("Aristotle Onassis", "Αριστοτέλης Ωνάσης"), ("Giannis Antetokounmpo", "Γιάννης Αντετοκούνμπο"),
    ("Maria Callas", "Μαρία Κάλλας"), ("Melina Mercouri", "Μελίνα Μερκούρη"),
    ("Evangelos Venizelos", "Ευάγγελος Βενιζέλος"), ("Prokopis Pavlopoulos", "Προκόπης Παυλόπουλος"),
    ("Katerina Sakellaropoulou", "Κατερίνα Σακελλαροπούλου"), ("Nikolaos", "Νικόλαος"),
    ("Alexander", "Αλέξανδρος"), ("Antonis Samaras", "Αντώνης Σαμαράς"),
]  # fmt: skip
TRANSLIT_CHINESE = [
    ("Xi Jinping", "习近平"), ("Li Keqiang", "李克强"), ("Wang Yi", "王毅"), ("Hu Jintao", "胡锦涛"),
    ("Jiang Zemin", "江泽民"), ("Deng Xiaoping", "邓小平"), ("Mao Zedong", "毛泽东"),
    ("Wen Jiabao", "温家宝"), ("Zhou Enlai", "周恩来"), ("Li Qiang", "李强"), ("Wang Huning", "王沪宁"),
    ("Cai Qi", "蔡奇"), ("Ding Xuexiang", "丁薛祥"), ("Han Zheng", "韩正"), ("Wang Qishan", "王岐山"),
    ("Bo Xilai", "薄熙来"), ("Zhou Yongkang", "周永康"), ("Ma Yun", "马云"), ("Ren Zhengfei", "任正非"),
    ("Liu He", "刘鹤"), ("Yang Jiechi", "杨洁篪"), ("Zhang Youxia", "张又侠"), ("Wei Fenghe", "魏凤和"),
    ("Li Shangfu", "李尚福"), ("Qin Gang", "秦刚"), ("Li Ming", "李明"), ("Wang Wei", "王伟"),
    ("Jinping Xi", "习近平"), ("Huawei", "华为"), ("Alibaba", "阿里巴巴"),
]  # fmt: skip
TRANSLIT_OTHER = [
    ("Benjamin Netanyahu", "בנימין נתניהו"), ("Moshe", "משה"), ("David", "דוד"),
    ("Yitzhak Rabin", "יצחק רבין"), ("Ariel Sharon", "אריאל שרון"), ("Golda Meir", "גולדה מאיר"),
    ("Shimon Peres", "שמעון פרס"), ("Naftali Bennett", "נפתלי בנט"), ("Yair Lapid", "יאיר לפיד"),
    ("Kim Jong Un", "김정은"), ("Kim Jong Il", "김정일"), ("Kim Il Sung", "김일성"),
    ("Moon Jae-in", "문재인"), ("Park Geun-hye", "박근혜"), ("Yoon Suk Yeol", "윤석열"),
    ("Lee Jae-myung", "이재명"), ("Kim Yo Jong", "김여정"), ("Choe Ryong Hae", "최룡해"),
    ("Bidzina Ivanishvili", "ბიძინა ივანიშვილი"), ("Mikheil Saakashvili", "მიხეილ სააკაშვილი"),
    ("Nikol Pashinyan", "Նիկոլ Փաշինյան"), ("Serzh Sargsyan", "Սերժ Սարգսյան"),
    ("Narendra Modi", "नरेंद्र मोदी"), ("Amit Shah", "अमित शाह"), ("Rahul Gandhi", "राहुल गांधी"),
    ("Somchai", "สมชาย"), ("Thaksin Shinawatra", "ทักษิณ ชินวัตร"),
    ("Shinzo Abe", "安倍晋三"), ("Yamada Taro", "山田太郎"), ("Tanaka", "タナカ"),
]  # fmt: skip
ROMANIZATION = [
    ("Muammar Gaddafi", "Moammar Qadhafi"), ("Muammar al-Qaddafi", "Muamar Kaddafi"),
    ("Osama bin Laden", "Usama bin Ladin"), ("Mohammed Omar", "Muhammad Umar"),
    ("Yevgeny Prigozhin", "Evgeniy Prigozhin"), ("Alexei Navalny", "Aleksey Navalnyy"),
    ("Mikhail Khodorkovsky", "Michail Chodorkowski"), ("Volodymyr Zelensky", "Wolodymyr Selenskyj"),
    ("Mahmoud Ahmadinejad", "Mahmud Ahmadinezhad"), ("Gamal Abdel Nasser", "Jamal Abd al-Nasir"),
    ("Yuri Andropov", "Iurii Andropov"), ("Sergei Prokofiev", "Sergey Prokofyev"),
    ("Pyotr Tchaikovsky", "Petr Chaykovskiy"), ("Nikita Khrushchev", "Nikita Chruschtschow"),
    ("Hafez al-Assad", "Hafiz al-Asad"), ("Ayman al-Zawahiri", "Aiman al-Zawahri"),
    ("Abu Musab al-Zarqawi", "Abu Mus'ab al-Zarqawi"), ("Hassan Nasrallah", "Hasan Nasr Allah"),
    ("Ismail Haniyeh", "Ismail Haniya"), ("Qasem Soleimani", "Qassem Suleimani"),
    ("Ali Khamenei", "Ali Khamene'i"), ("Mohammad Mosaddegh", "Mohammed Mossadegh"),
    ("Abdulaziz bin Saud", "Abd al-Aziz ibn Saud"), ("Yusuf al-Qaradawi", "Youssef al-Qaradawi"),
    ("Mikhail Gorbachev", "Mikhail Gorbatschow"), ("Boris Yeltsin", "Boris Jelzin"),
    ("Aleksandr Solzhenitsyn", "Alexander Solschenizyn"), ("Leonid Brezhnev", "Leonid Breschnew"),
    ("Kim Jong Un", "Kim Jong-eun"), ("Kim Jong Il", "Kim Chong-il"), ("Choe Ryong Hae", "Choi Ryong-hae"),
    ("Ri Son Gwon", "Ri Son-kwon"), ("Pak Pong Ju", "Park Pong-ju"), ("Mao Zedong", "Mao Tse-tung"),
    ("Ahmed Shah Massoud", "Ahmad Shah Masood"), ("Gulbuddin Hekmatyar", "Gulbuddin Hikmatyar"),
    ("Mullah Akhtar Mansour", "Akhtar Mohammad Mansur"), ("Sirajuddin Haqqani", "Siraj al-Din Haqani"),
    ("Abdelmalek Droukdel", "Abdelmalek Droukdal"), ("Moktar Belmokhtar", "Mokhtar Belmukhtar"),
]  # fmt: skip
REORDER = [
    ("Putin Vladimir", "Vladimir Putin"), ("SMITH, John", "John Smith"), ("Jong Un Kim", "Kim Jong Un"),
    ("Garcia Marquez, Gabriel", "Gabriel Garcia Marquez"), ("Orban Viktor", "Viktor Orban"),
    ("ZAWAHIRI, Ayman al-", "Ayman al-Zawahiri"), ("Lukashenko Alexander Grigoryevich", "Alexander Lukashenko"),
    ("BIN LADEN, Usama", "Usama bin Laden"), ("Xi Jinping", "Jinping Xi"), ("Nakamoto Satoshi", "Satoshi Nakamoto"),
    ("Medvedev Dmitry Anatolyevich", "Dmitry Anatolyevich Medvedev"), ("Rotenberg, Arkady", "Arkady Rotenberg"),
    ("Trump Donald John", "Donald John Trump"), ("Merkel, Angela Dorothea", "Angela Dorothea Merkel"),
    ("KADYROV Ramzan Akhmatovich", "Ramzan Kadyrov"), ("Sechin Igor Ivanovich", "Igor Sechin"),
    ("Haftar Khalifa Belqasim", "Khalifa Belqasim Haftar"), ("Lee Hsien Loong", "Hsien Loong Lee"),
    ("Nguyen Tan Dung", "Tan Dung Nguyen"), ("Deripaska, Oleg Vladimirovich", "Oleg Deripaska"),
    ("Maduro Moros, Nicolas", "Nicolas Maduro Moros"), ("Ortega Saavedra Jose Daniel", "Daniel Ortega"),
    ("Assad Bashar", "Bashar al-Assad"), ("Timchenko Gennady", "Gennady Timchenko"),
    ("Shipping Alpha LLC", "Alpha Shipping LLC"),
]  # fmt: skip
INITIALS = [
    ("J. R. R. Tolkien", "John Ronald Reuel Tolkien"), ("G. W. Bush", "George Walker Bush"),
    ("V. V. Putin", "Vladimir Vladimirovich Putin"), ("A. Lukashenko", "Alexander Lukashenko"),
    ("M. Gorbachev", "Mikhail Gorbachev"), ("D. Medvedev", "Dmitry Medvedev"),
    ("J. Smith", "John Smith"), ("I. I. Sechin", "Igor Ivanovich Sechin"),
    ("R. A. Kadyrov", "Ramzan Akhmatovich Kadyrov"), ("O. V. Deripaska", "Oleg Vladimirovich Deripaska"),
    ("Kim J. U.", "Kim Jong Un"), ("H. Nasrallah", "Hassan Nasrallah"), ("A. Navalny", "Alexei Navalny"),
    ("John F. Kennedy", "John Fitzgerald Kennedy"), ("Franklin D. Roosevelt", "Franklin Delano Roosevelt"),
    ("M. bin Salman", "Mohammed bin Salman"), ("N. Maduro", "Nicolas Maduro"), ("E. Macron", "Emmanuel Macron"),
    ("Y. Prigozhin", "Yevgeny Prigozhin"), ("R. Abramovich", "Roman Abramovich"),
]  # fmt: skip
HONORIFICS = [
    ("Dr. Ayman al-Zawahiri", "Ayman al-Zawahiri"), ("Mr. John Smith", "John Smith"),
    ("Hajji Abdul Rahman", "Abdul Rahman"), ("Mullah Mohammed Omar", "Mohammed Omar"),
    ("General Qasem Soleimani", "Qasem Soleimani"), ("Sheikh Tamim bin Hamad Al Thani", "Tamim bin Hamad Al Thani"),
    ("Prof. Dr. Klaus Schwab", "Klaus Schwab"), ("Sir Richard Branson", "Richard Branson"),
    ("Ayatollah Ali Khamenei", "Ali Khamenei"), ("Maulana Masood Azhar", "Masood Azhar"),
    ("Mrs. Maria Zakharova", "Maria Zakharova"), ("Col. Muammar Gaddafi", "Muammar Gaddafi"),
    ("Sheikh Hassan Nasrallah", "Hassan Nasrallah"), ("Haji Bashir Noorzai", "Bashir Noorzai"),
    ("Imam Anwar al-Awlaki", "Anwar al-Awlaki"), ("Mufti Abdul Rauf Asghar", "Abdul Rauf Asghar"),
    ("H.E. Sergey Lavrov", "Sergey Lavrov"), ("Admiral Nikolai Yevmenov", "Nikolai Yevmenov"),
    ("Ms. Elvira Nabiullina", "Elvira Nabiullina"), ("Dr. Abdul Qadeer Khan", "Abdul Qadeer Khan"),
]  # fmt: skip
LEGAL_FORMS = [
    ("Alpha Trading LLC", "Alpha Trading Limited Liability Company"),
    ("Gazprom PJSC", "Public Joint Stock Company Gazprom"), ("Siemens AG", "Siemens Aktiengesellschaft"),
    ("Banco Santander S.A.", "Banco Santander SA"), ("Rosneft Oil Company OJSC", "OAO Rosneft Oil Company"),
    ("Huawei Technologies Co., Ltd.", "Huawei Technologies Company Limited"),
    ("Volkswagen Aktiengesellschaft", "Volkswagen AG"), ("Sovcomflot PAO", "Sovcomflot PJSC"),
    ("Mahan Air Co.", "Mahan Air"), ("Evrofinance Mosnarbank JSC", "AO Evrofinance Mosnarbank"),
    ("Bank Melli Iran", "Bank Melli Iran PLC"), ("Deutsche Bank AG", "Deutsche Bank Aktiengesellschaft"),
    ("Nestle S.A.", "Nestle SA"), ("Acme Holdings Inc.", "Acme Holdings Incorporated"),
    ("Romashka OOO", "OOO Romashka"), ("Promsvyazbank PJSC", "PAO Promsvyazbank"),
    ("Tidewater Middle East Co.", "Tidewater Middle East Company"), ("Hesco GmbH", "Hesco Gesellschaft mit beschränkter Haftung"),
    ("Lukoil Oil Company", "PJSC Lukoil Oil Company"), ("Norilsk Nickel PJSC", "MMC Norilsk Nickel"),
    ("Petroleos de Venezuela S.A.", "Petroleos de Venezuela"), ("Korea Kwangson Banking Corp", "Korea Kwangson Banking Corporation"),
    ("Sahara Thunder LLC", "Sahara Thunder L.L.C."), ("Blue Sky Shipping Ltd", "Blue Sky Shipping Limited"),
    ("Rostec State Corporation", "Rostec"), ("Sberbank of Russia", "Sberbank of Russia PJSC"),
    ("Al Qard Al Hassan Association", "Al-Qard Al-Hassan"), ("Ferland Company Limited", "Ferland Co Ltd"),
    ("Vneshprombank LLC", "OOO Vneshprombank"), ("Zarubezhneft JSC", "AO Zarubezhneft"),
]  # fmt: skip
COMPOUND = [
    ("Abdul Rahman", "Abdulrahman"), ("Jean-Claude Juncker", "Jean Claude Juncker"),
    ("Abu Bakr al-Baghdadi", "Abubakr Albaghdadi"), ("Mohammed Abdel-Aziz", "Mohammed Abdelaziz"),
    ("Alfa-Bank", "Alfabank"), ("Rosoboronexport", "Rosoboron Export"), ("Gazprom Bank", "Gazprombank"),
    ("Abd al-Rahman", "Abdalrahman"), ("Abdul-Karim Hussein", "Abdulkarim Hussein"),
    ("Ali Akbar Velayati", "Aliakbar Velayati"), ("Nasrallah", "Nasr Allah"), ("Mohammad-Reza Naqdi", "Mohammadreza Naqdi"),
    ("Jean-Marie Le Pen", "Jean Marie Lepen"), ("Hans-Dietrich Genscher", "Hans Dietrich Genscher"),
    ("Saif al-Islam Gaddafi", "Saif Al Islam Gaddafi"), ("Al-Shabaab", "Al Shabaab"), ("Hizballah", "Hizb Allah"),
    ("Rosneft-Trading", "Rosneft Trading"), ("Mac Donald", "MacDonald"), ("Van der Berg", "Vanderberg"),
]  # fmt: skip
TYPO_SOURCES = [
    ("Vladimir Putin", P), ("Ayman al-Zawahiri", P), ("Oleg Deripaska", P), ("Gennady Timchenko", P),
    ("Viktor Vekselberg", P), ("Ramzan Kadyrov", P), ("Yevgeny Prigozhin", P), ("Arkady Rotenberg", P),
    ("Hassan Nasrallah", P), ("Ismail Haniyeh", P), ("Nicolas Maduro Moros", P), ("Diosdado Cabello Rondon", P),
    ("Alexander Lukashenko", P), ("Mikhail Fridman", P), ("Alisher Usmanov", P), ("Suleiman Kerimov", P),
    ("Joaquin Guzman Loera", P), ("Ismael Zambada Garcia", P), ("Rafael Caro Quintero", P), ("Dawood Ibrahim Kaskar", P),
    ("Hafiz Muhammad Saeed", P), ("Sirajuddin Haqqani", P), ("Abu Bakr al-Baghdadi", P), ("Kim Yo Jong", P),
    ("Bank Melli Iran", C), ("Islamic Revolutionary Guard Corps", C), ("Rosoboronexport", C), ("Sovcomflot", C),
    ("Mahan Air", C), ("Korea Ryonbong General Corporation", C), ("Petroleos de Venezuela", C),
    ("Evrofinance Mosnarbank", C), ("Tidewater Middle East Company", C), ("Almaz-Antey", C), ("Wagner Group", C),
    ("Hezbollah", C), ("Aeroflot Russian Airlines", C), ("Promsvyazbank", C), ("Sinaloa Cartel", C), ("Hamas", C),
]  # fmt: skip
NEG_SAME_SURNAME = [
    ("Kim Jong Un", "Kim Jong Il"), ("Kim Yo Jong", "Kim Jong Un"), ("Bashar al-Assad", "Maher al-Assad"),
    ("Rifaat al-Assad", "Hafez al-Assad"), ("Osama bin Laden", "Hamza bin Laden"), ("Raul Castro", "Fidel Castro"),
    ("George W. Bush", "Jeb Bush"), ("Arkady Rotenberg", "Boris Rotenberg"), ("Igor Sechin", "Ivan Sechin"),
    ("Dmitry Medvedev", "Sergey Medvedev"), ("Ivan Ivanov", "Petr Ivanov"), ("John Smith", "James Smith"),
    ("Maria Garcia", "Ana Garcia"), ("Uday Hussein", "Qusay Hussein"), ("Saif al-Islam Gaddafi", "Hannibal Gaddafi"),
    ("Joaquin Guzman Loera", "Ovidio Guzman Lopez"), ("Ivan Archivaldo Guzman", "Jesus Alfredo Guzman"),
    ("Sergei Ivanov", "Viktor Ivanov"), ("Yuri Kovalchuk", "Mikhail Kovalchuk"), ("Boris Kovalchuk", "Kirill Kovalchuk"),
    ("Mohammed bin Salman", "Mohammed bin Nayef"), ("Khalid bin Salman", "Mohammed bin Salman"),
    ("Ali Khamenei", "Mojtaba Khamenei"), ("Kim Il Sung", "Kim Jong Un"), ("Park Geun-hye", "Park Chung-hee"),
    ("Lee Myung-bak", "Lee Jae-myung"), ("Xi Jinping", "Xi Zhongxun"), ("Wang Yi", "Wang Qishan"),
    ("Li Keqiang", "Li Qiang"), ("Владимир Путин", "Людмила Путина"), ("Hassan Nasrallah", "Hadi Nasrallah"),
    ("Andrey Kostin", "Andrei Kozyrev"), ("Oleg Deripaska", "Igor Deripaska"), ("Viktor Orban", "Gaspar Orban"),
    ("Nicolas Maduro", "Nicolas Maduro Guerra"), ("Maria Zakharova", "Svetlana Zakharova"),
    ("Rami Makhlouf", "Hafez Makhlouf"), ("Ivan Petrov", "Aleksandra Petrova"), ("Aleksandr Petrov", "Aleksandra Petrova"),
    ("Sergey Lavrov", "Yekaterina Lavrova"),
]  # fmt: skip
NEG_COMMON_GIVEN = [
    ("Mohammed Ali", "Mohammed Hassan"), ("Ahmed Hassan", "Ahmed Mahmoud"), ("Ali Khamenei", "Ali Larijani"),
    ("Vladimir Putin", "Vladimir Potanin"), ("Sergey Lavrov", "Sergey Shoigu"), ("Jose Garcia", "Jose Martinez"),
    ("Muhammad Yunus", "Muhammad Ibrahim"), ("Abdul Rahman Yasin", "Abdul Rahman Makki"), ("Ali Hassan", "Ali Hussein"),
    ("Mohamed Salah", "Mohamed Morsi"), ("Omar al-Bashir", "Omar Abdel-Rahman"), ("Hassan Rouhani", "Hassan Nasrallah"),
    ("Ivan Ivanov", "Ivan Petrov"), ("Kim Jong Un", "Kim Yong Nam"), ("Abdullah Azzam", "Abdullah Abdullah"),
    ("Juan Carlos Ramirez", "Juan Carlos Rodriguez"), ("Maria Fernanda Lopez", "Maria Jose Lopez"),
    ("Mohammad Javad Zarif", "Mohammad Bagher Ghalibaf"), ("Ahmad Shah Massoud", "Ahmad Zia Massoud"),
    ("Abu Mohammed al-Julani", "Abu Mohammed al-Adnani"), ("Abu Bakr al-Baghdadi", "Abu Omar al-Baghdadi"),
    ("Yevgeny Prigozhin", "Yevgeny Zinichev"), ("Mikhail Fridman", "Mikhail Mishustin"), ("Igor Sechin", "Igor Shuvalov"),
    ("Alexander Bortnikov", "Alexander Lukashenko"), ("Dmitry Peskov", "Dmitry Rogozin"), ("Wang Wei", "Wang Yi"),
    ("Li Ming", "Li Hua"), ("Mohammed Omar", "Mohammed Atef"), ("محمد علي", "محمد حسن"),
]  # fmt: skip
NEG_COMPANY = [
    ("Alpha Trading LLC", "Alpha Shipping LLC"), ("Bank Melli Iran", "Bank Saderat Iran"), ("Gazprom", "Gazprom Neft"),
    ("Rosneft", "Rosneft Trading"), ("Sberbank", "Sovcombank"), ("Mahan Air", "Iran Air"),
    ("China National Petroleum Corporation", "China National Offshore Oil Corporation"),
    ("Islamic Republic of Iran Shipping Lines", "Islamic Republic of Iran Broadcasting"),
    ("Korea Mining Development Trading Corporation", "Korea Ryonbong General Corporation"),
    ("Alfa Bank", "Alfa Capital"), ("VTB Bank", "VTB Capital"), ("Golden Star Shipping", "Golden Sun Shipping"),
    ("Ocean Star Maritime", "Ocean Sky Maritime"), ("Global Trade LLC", "Global Tech LLC"),
    ("ABC Holdings 1 Ltd", "ABC Holdings 2 Ltd"), ("Al Rashid Trust", "Al Akhtar Trust"), ("Hezbollah", "Hizb ut-Tahrir"),
    ("Aeroflot", "Aerolineas Argentinas"), ("Gazprom", "Gazprombank"), ("Bank Sepah", "Bank Pasargad"),
    ("Rosoboronexport", "Rostec"), ("Sovcomflot", "Sovcombank"), ("Petroleos de Venezuela", "Petroleos Mexicanos"),
    ("Ansar al-Islam", "Ansar al-Sharia"), ("Al-Qaida in Iraq", "Al-Qaida in Yemen"), ("Lukoil", "Lukoil Trading"),
    ("Kalashnikov Concern", "Almaz-Antey Concern"), ("Novatek", "Novartis"), ("Transneft", "Transoil"),
    ("Promsvyazbank", "Promsyrioimport"), ("Tidewater Middle East Co", "Middle East Trading Co"),
    ("First National Bank", "Second National Bank"), ("Red Star Trading Ltd", "Blue Star Trading Ltd"),
    ("Iran Aircraft Industries", "Iran Electronics Industries"), ("Korea Kwangson Banking Corp", "Korea Daesong Bank"),
    ("Shipping Company Alpha", "Shipping Company Omega"), ("Romashka LLC", "Vasilek LLC"),
    ("Eurasia Holding Group", "Eurasia Mining Group"), ("Volga Group", "Volga-Dnepr Airlines"),
    ("Mercury Shipping Inc", "Mercury Trading Inc"),
    ("Rosneft", "Rosnefteprodukt"), ("Sberbank Europe AG", "Sberbank Capital"), ("Emirates NBD", "Emirates Islamic Bank"),
    ("Iran Khodro", "Iran Kish Khodro"), ("Bank Mellat", "Bank Melli"), ("Bank Tejarat", "Bank Refah"),
    ("Saderat Bank", "Sepah Bank"), ("National Iranian Oil Company", "National Iranian Gas Company"),
    ("Tanker Pacific", "Pacific Tankers International"), ("Oceanic Shipping Co", "Ocean Shipping Co"),
    ("Sun Pharmaceutical Industries", "Sun Petrochemicals"), ("Dubai Trading LLC", "Doha Trading LLC"),
    ("Al Noor Exchange", "Al Nour Trading"), ("Atlas Holding", "Atlas Copco"), ("Orion Capital", "Orion Energy"),
    ("Delta Marine Services", "Delta Airlines"), ("Phoenix Group", "Phoenix Pharma"), ("Alpha Bank", "Alfa Bank"),
    ("ZAO Stroytransgaz", "OAO Stroygazmontazh"), ("Kalashnikov Group", "Kalashnikov Media"),
    ("Hong Kong Trading Co", "Hong Kong Shipping Co"), ("China Merchants Bank", "China Minsheng Bank"),
    ("Bank of Kunlun", "Bank of Dandong"), ("Korea Kumsong Trading", "Korea Kumryong Trading"),
    ("Petropars", "Petroiran"), ("Mahan Air", "Mahan Travel"), ("Khatam al-Anbiya Construction", "Khatam al-Anbiya Oil"),
    ("Grand Star Ltd", "Grand Sea Ltd"), ("Sinopec", "Sinochem"), ("Tatneft", "Tatenergo"),
]  # fmt: skip
NEG_SIMILAR = [
    ("Ivan Petrov", "Ivan Petrenko"), ("Roman Abramovich", "Roman Abramov"), ("Mikhail Gutseriev", "Mikhail Gurevich"),
    ("Sergei Magnitsky", "Sergei Makarov"), ("Aleksandr Petrov", "Aleksandr Petrovsky"), ("John Smith", "John Smithson"),
    ("Nikolai Patrushev", "Dmitry Patrushev"), ("Ali Akbar", "Ali Asghar"),
    ("Mohammed Saeed", "Mohammed Said Hassan Mahmoud"), ("Kim Jong Un", "Kim Jong Nam"), ("Hamid Karzai", "Ahmed Wali Karzai"),
    ("Carlos Castano Gil", "Vicente Castano Gil"), ("Victor Bout", "Victor Boutros"), ("Maria Ivanova", "Maria Ivanovna Petrova"),
    ("Владимир Путин", "Vladimir Potanin"), ("Сергей Иванов", "Sergey Ivanenko"), ("محمد علي", "Mahmoud Ali"),
    ("习近平", "Xi Mingze"), ("김정은", "Kim Jong Il"),
    ("Ali Reza Hosseini", "Ali Akbar Hosseini"), ("Ahmed Abdullah", "Ahmed Abdulaziz"),
    ("Sergei Ivanovich Petrov", "Sergei Petrovich Ivanov"), ("Yusuf Ahmed", "Yunus Ahmed"),
    ("Omar Khalid", "Amr Khaled"), ("Khalil Ibrahim", "Ibrahim Khalili"), ("Tariq Mahmood", "Tahir Mahmood"),
    ("Hamid Reza", "Hamid Raza Khan"), ("Mustafa Kemal", "Mustafa Kamal Pasha"), ("Ivan Kuznetsov", "Ivan Kuzmin"),
    ("Dmitri Volkov", "Dmitri Volkogonov"), ("Li Wei", "Li Wen"), ("Zhang Wei", "Zhang Wen"), ("Chen Jie", "Chen Jia"),
    ("Nguyen Van Thanh", "Nguyen Van Thinh"), ("Park Sung Min", "Park Sung Jin"), ("Kim Min Jun", "Kim Min Jae"),
    ("Abu Hamza al-Masri", "Abu Hamza al-Muhajir"), ("Abu Ubaidah", "Abu Ubaydah al-Jarrah Ahmed"),
    ("Mohammed Yousef", "Mohammed Younes"), ("Hassan Ali Khan", "Hassan Ali Shah"), ("Jose Luis Garcia", "Jose Luis Gomez"),
    ("Juan Pablo Torres", "Juan Pedro Torres"), ("Maria del Carmen Ruiz", "Maria del Pilar Ruiz"),
    ("Андрей Смирнов", "Андрей Семёнов"), ("Ольга Иванова", "Олег Иванов"), ("محمد حسين", "محمد حسن"),
    ("Abdullah Ahmed Abdullah", "Abdullah Ahmed Abdulrahman"), ("Hussein Ali", "Hassan Ali"), ("Jamal Khashoggi", "Jamal Khalifa"),
]  # fmt: skip


def _typo(name: str, rng: random.Random, min_length: int = 5) -> str:
    tokens = name.split()
    candidates = [i for i, t in enumerate(tokens) if len(t) >= min_length]
    index = rng.choice(candidates) if candidates else max(range(len(tokens)), key=lambda i: len(tokens[i]))
    token = tokens[index]
    pos = rng.randrange(1, max(2, len(token) - 1))  # never the first letter
    edit = rng.choice(["substitute", "delete", "transpose", "insert"])
    if edit == "transpose" and pos < 2:
        edit = "substitute"
    if edit == "substitute":
        token = token[:pos] + rng.choice("aeiourstnlm") + token[pos + 1 :]
    elif edit == "delete":
        token = token[:pos] + token[pos + 1 :]
    elif edit == "transpose":
        token = token[: pos - 1] + token[pos] + token[pos - 1] + token[pos + 1 :]
    else:
        token = token[:pos] + token[pos] + token[pos:]
    tokens[index] = token
    return " ".join(tokens)


def rows() -> list[tuple[str, str, str, int, str]]:
    out: list[tuple[str, str, str, int, str]] = []
    groups = [
        (TRANSLIT_CYRILLIC, P, 1, "translit_cyrillic"), (TRANSLIT_CYRILLIC_ORG, C, 1, "translit_cyrillic"),
        (TRANSLIT_ARABIC, P, 1, "translit_arabic"), (TRANSLIT_GREEK, P, 1, "translit_greek"),
        (TRANSLIT_CHINESE, P, 1, "translit_chinese"), (TRANSLIT_OTHER, P, 1, "translit_other"),
        (ROMANIZATION, P, 1, "romanization"), (REORDER, P, 1, "reorder"), (INITIALS, P, 1, "initials"),
        (HONORIFICS, P, 1, "honorific"), (LEGAL_FORMS, C, 1, "legal_form"), (COMPOUND, P, 1, "compound"),
        (NEG_SAME_SURNAME, P, 0, "neg_same_surname"), (NEG_COMMON_GIVEN, P, 0, "neg_common_given"),
        (NEG_COMPANY, C, 0, "neg_company"), (NEG_SIMILAR, P, 0, "neg_similar"),
    ]  # fmt: skip
    for pairs, schema, label, category in groups:
        for left, right in pairs:
            fixed_schema = C if category == "translit_chinese" and left in ("Huawei", "Alibaba") else schema
            if category == "reorder" and left.startswith("Shipping"):
                fixed_schema = C
            if category == "compound" and left in (
                "Alfa-Bank",
                "Rosoboronexport",
                "Gazprom Bank",
                "Rosneft-Trading",
            ):
                fixed_schema = C
            if category == "compound" and left in ("Al-Shabaab", "Hizballah"):
                fixed_schema = "Organization"
            out.append((left, right, fixed_schema, label, category))
    rng = random.Random(20240611)
    for name, schema in TYPO_SOURCES:
        out.append((name, _typo(name, rng), schema, 1, "typo"))
        # Two independent typos: only in longer tokens, where two edits still leave a recognisable name.
        if any(len(token) >= 7 for token in name.split()):
            out.append((_typo(name, rng, 7), _typo(name, rng, 7), schema, 1, "typo"))
    return out


def main() -> None:
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name1", "name2", "schema", "label", "category"])
        writer.writerows(rows())


if __name__ == "__main__":
    main()
