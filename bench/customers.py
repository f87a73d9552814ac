"""Ordinary customer names, for measuring screening on the traffic a KYC system mostly sees: people and
companies that are not on any list. Made up from common given names, family names and business words of
many countries (written here, not taken from any list file), so that they share tokens with list names
as real customers do (Mohammed, Kim, Trading) without being variants of them.
"""

from __future__ import annotations

import random

from clearway.screening.compare import Party


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIVEN_NAMES = _words("""
James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph
Jessica Thomas Sarah Charles Karen Daniel Emily Matthew Olivia George Grace Mohammed Fatima Ahmed Aisha Ali
Omar Hassan Layla Yusuf Khadija Ibrahim Mariam Karim Nour Wei Fang Jun Li Mei Hao Xiu Lan Hiroshi Yuki Haruto
Sakura Kenji Aiko Sanjay Priya Rahul Anita Arjun Deepa Vikram Kavya Olga Ivan Sergei Natalia Dmitri Irina
Andrei Tatiana Jose Maria Carlos Ana Luis Sofia Miguel Lucia Javier Camila Pierre Claire Louis Camille Hans
Anna Klaus Greta Lars Ingrid Erik Astrid Kwame Amara Chinedu Ngozi Kofi Abena Mehmet Elif Mustafa Zeynep
Giorgos Eleni Nikos Katerina Minh Linh Tuan Huong Joon Soyeon Min Jiwoo Tomasz Agnieszka Piotr Katarzyna
""")
FAMILY_NAMES = _words("""
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Taylor Moore Jackson Martin Thompson White Harris Clark Lewis Walker Hall Young Allen Wright Scott
Khan Ahmed Hussain Rahman Qureshi Siddiqui Haddad Nasser Khalil Mansour Wang Zhang Liu Chen Yang Huang Zhao
Wu Zhou Xu Tanaka Suzuki Sato Takahashi Watanabe Ito Patel Sharma Singh Kumar Gupta Reddy Iyer Nair Ivanov
Petrov Smirnova Kuznetsov Popov Sokolova Volkov Silva Santos Oliveira Pereira Costa Ferreira Dubois Moreau
Laurent Lefebvre Muller Schmidt Schneider Fischer Weber Becker Johansson Nilsson Larsen Hansen Mensah Okafor
Adeyemi Boateng Mwangi Yilmaz Kaya Demir Celik Papadopoulos Nikolaidis Nguyen Tran Pham Le Kim Park Choi Jung
Kowalski Nowak Wisniewski Novak Horvat Kovacs Nagy Rossi Russo Ferrari Esposito Bianchi
""")
BUSINESS_WORDS = _words("""
Northwind Riverside Summit Atlas Pioneer Golden Silver Evergreen Harbor Eastern Western Global United Prime
Alpha Delta Apex Vertex Orion Cedar Maple Oakwood Lakeside Sunrise Horizon Bright Nova Crescent Meridian
Keystone Highland Coastal Granite Blue Green Red Star Falcon Phoenix
""")
BUSINESS_TRADES = _words("""
Logistics Trading Holdings Consulting Software Foods Textiles Shipping Energy Capital Partners Solutions
Industries Pharma Media Electronics Construction Imports Exports Motors Hospitality Agro Finance Bakery
Furniture Dental Legal Travel Security Analytics Robotics Packaging Chemicals Marine
""")
LEGAL_FORMS = ("Ltd", "LLC", "GmbH", "S.A.", "Inc.", "", "Limited", "B.V.", "S.r.l.", "SARL", "Pty Ltd", "AG")


def ordinary_parties(count: int, rng: random.Random) -> list[Party]:
    """`count` distinct made-up customers, seven in ten of them people."""
    parties: dict[str, Party] = {}
    while len(parties) < count:
        party = _person(rng) if rng.random() < 0.7 else _company(rng)
        parties.setdefault(party.name, party)
    return list(parties.values())


def _person(rng: random.Random) -> Party:
    given = [rng.choice(GIVEN_NAMES)]
    if rng.random() < 0.3:
        given.append(rng.choice(GIVEN_NAMES))
    return Party(" ".join([*given, rng.choice(FAMILY_NAMES)]), "Person")


def _company(rng: random.Random) -> Party:
    words = [rng.choice(BUSINESS_WORDS)]
    if rng.random() < 0.3:
        words.append(rng.choice(BUSINESS_WORDS))
    words += [rng.choice(BUSINESS_TRADES), rng.choice(LEGAL_FORMS)]
    return Party(" ".join(word for word in words if word), "Organization")
