"""Common French-language outlets and news agencies, with their web domains and aliases: data.

Used to name the outlet a text betrays (its own URL, a byline, an agency marker, a `Source:`
line, a copyright footer). Each entry is a public, well-known outlet: its name as it signs,
the spellings pages print, and the domains it publishes under. The list is general knowledge,
not fitted to any sample; an outlet missing here is still named from its own words (the
`Source:` line, the agency marker), only its domain alone is then not enough.

`kind` matters for one decision: an `aggregator` republishes others' copy, so its domain never
names the outlet (the agency marker or `Source:` line inside the text does).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutletEntry:
    """One outlet: its signature name, kind, domains (suffix match) and printed aliases."""

    name: str
    kind: str  # agency | national press | regional press | magazine | radio | tv | state media
    #            | diaspora | foreign press | aggregator
    domains: tuple[str, ...]
    aliases: tuple[str, ...] = ()


def _o(name: str, kind: str, domains: str, *aliases: str) -> OutletEntry:
    return OutletEntry(name, kind, tuple(domains.split()), aliases)


OUTLETS: tuple[OutletEntry, ...] = (
    # News agencies: their wires are reprinted everywhere, with a marker such as
    # « (Reuters) - », « /TASS/ », « (AFP) » or « Source: (EUROPA PRESS) ».
    _o("AFP", "agency", "afp.com", "Agence France-Presse", "Agence France Presse"),
    _o("Reuters", "agency", "reuters.com", "Thomson Reuters", "agence Reuters"),
    _o("Associated Press", "agency", "apnews.com ap.org", "AP"),
    _o("Europa Press", "agency", "europapress.es", "EUROPA PRESS"),
    _o("EFE", "agency", "efe.com", "Agencia EFE"),
    _o("ANSA", "agency", "ansa.it"),
    _o("DPA", "agency", "dpa.com", "Deutsche Presse-Agentur"),
    _o("Belga", "agency", "belganewsagency.eu belga.be"),
    _o("Keystone-ATS", "agency", "keystone-sda.ch", "ATS", "Agence télégraphique suisse"),
    _o("Xinhua", "agency", "xinhuanet.com news.cn", "Chine nouvelle"),
    _o("Anadolu", "agency", "aa.com.tr", "Agence Anadolu"),
    _o("TASS", "agency", "tass.com tass.ru", "ITAR-TASS", "Russian News Agency"),
    _o("RIA Novosti", "state media", "ria.ru", "RIA", "RIA-Novosti"),
    _o("Interfax", "agency", "interfax.ru interfax.com interfax.az", "Interfax-Azerbaïdjan"),
    _o("Sputnik", "state media", "sputniknews.com sputniknews.africa sputnikglobe.com "
       "sputniknews.ru", "Sputnik Afrique", "Sputnik France"),
    _o("RT en français", "state media", "rt.com", "RT", "RT France", "Russia Today"),
    _o("AZERTAC", "state media", "azertag.az", "AZERTAG",
       "Agence de Presse Nationale d’Azerbaïdjan"),
    _o("APA", "agency", "apa.az", "Agence de presse APA"),
    _o("Trend", "agency", "trend.az", "Trend News Agency"),
    _o("Armenpress", "state media", "armenpress.am", "ARMENPRESS"),
    _o("Ukrinform", "state media", "ukrinform.fr ukrinform.net ukrinform.ua"),
    _o("APS", "state media", "aps.dz", "Algérie Presse Service"),
    _o("MAP", "state media", "mapexpress.ma map.ma", "Maghreb Arabe Presse"),
    _o("TAP", "state media", "tap.info.tn", "Agence Tunis Afrique Presse"),
    # Sub-Saharan state agencies, whose wires French-language African sites reprint.
    _o("Agence ivoirienne de presse", "state media", "aip.ci", "AIP"),
    _o("Agence de presse sénégalaise", "state media", "aps.sn", "APS Sénégal"),
    _o("Agence congolaise de presse", "state media", "acp.cd", "ACP"),
    _o("Agence d’information du Burkina", "state media", "aib.media", "AIB"),
    _o("Agence malienne de presse et publicité", "state media", "amap.ml", "AMAP"),
    _o("Agence nigérienne de presse", "state media", "anp.ne", "ANP"),
    _o("Cameroon Tribune", "state media", "cameroon-tribune.cm"),
    _o("Agence Ecofin", "agency", "agenceecofin.com", "Ecofin"),
    # National press (France).
    _o("Le Monde", "national press", "lemonde.fr"),
    _o("Le Figaro", "national press", "lefigaro.fr"),
    _o("Libération", "national press", "liberation.fr", "Libé"),
    _o("Le Parisien", "national press", "leparisien.fr", "Aujourd’hui en France"),
    _o("20 Minutes", "national press", "20minutes.fr", "20minutes"),
    _o("La Croix", "national press", "la-croix.com"),
    _o("Les Échos", "national press", "lesechos.fr", "Les Echos"),
    _o("L’Humanité", "national press", "humanite.fr"),
    _o("L’Opinion", "national press", "lopinion.fr"),
    _o("Le Journal du dimanche", "national press", "lejdd.fr", "JDD"),
    _o("Mediapart", "national press", "mediapart.fr"),
    _o("Le HuffPost", "national press", "huffingtonpost.fr", "HuffPost"),
    _o("Slate.fr", "magazine", "slate.fr", "Slate"),
    _o("L’Express", "magazine", "lexpress.fr"),
    _o("Le Point", "magazine", "lepoint.fr"),
    _o("L’Obs", "magazine", "nouvelobs.com", "Le Nouvel Obs", "Le Nouvel Observateur"),
    _o("Marianne", "magazine", "marianne.net"),
    _o("Courrier international", "magazine", "courrierinternational.com"),
    _o("Le Monde diplomatique", "magazine", "monde-diplomatique.fr"),
    _o("Jeune Afrique", "magazine", "jeuneafrique.com"),
    _o("Challenges", "magazine", "challenges.fr"),
    _o("Paris Match", "magazine", "parismatch.com"),
    # Regional press (France).
    _o("Ouest-France", "regional press", "ouest-france.fr", "Ouest France"),
    _o("Sud Ouest", "regional press", "sudouest.fr", "Sud-Ouest"),
    _o("La Voix du Nord", "regional press", "lavoixdunord.fr"),
    _o("Le Progrès", "regional press", "leprogres.fr"),
    _o("La Dépêche du Midi", "regional press", "ladepeche.fr", "La Dépêche"),
    _o("Le Télégramme", "regional press", "letelegramme.fr"),
    _o("Nice-Matin", "regional press", "nicematin.com", "Nice Matin"),
    _o("Le Dauphiné libéré", "regional press", "ledauphine.com", "Le Dauphiné"),
    _o("Dernières Nouvelles d’Alsace", "regional press", "dna.fr", "DNA"),
    _o("L’Est républicain", "regional press", "estrepublicain.fr"),
    _o("Midi libre", "regional press", "midilibre.fr"),
    _o("La Provence", "regional press", "laprovence.com"),
    _o("Le Républicain lorrain", "regional press", "republicain-lorrain.fr"),
    _o("La Montagne", "regional press", "lamontagne.fr"),
    _o("actu.fr", "regional press", "actu.fr", "Actu.fr"),
    # Radio and television.
    _o("RFI", "radio", "rfi.fr", "Radio France Internationale"),
    _o("France Info", "tv", "francetvinfo.fr", "franceinfo", "Franceinfo"),
    _o("France 24", "tv", "france24.com"),
    _o("France Inter", "radio", "radiofrance.fr/franceinter"),
    _o("Radio France", "radio", "radiofrance.fr"),
    _o("Europe 1", "radio", "europe1.fr"),
    _o("RTL", "radio", "rtl.fr"),
    _o("BFMTV", "tv", "bfmtv.com", "BFM TV", "BFM"),
    _o("TF1 Info", "tv", "tf1info.fr lci.fr", "LCI", "TF1"),
    _o("CNews", "tv", "cnews.fr"),
    _o("Euronews", "tv", "euronews.com"),
    _o("TV5Monde", "tv", "tv5monde.com", "TV5 Monde"),
    _o("Arte", "tv", "arte.tv"),
    _o("France Télévisions", "tv", "france.tv"),
    _o("France 2", "tv", "france.tv/france-2"),
    _o("France 3", "tv", "france3-regions.francetvinfo.fr", "France 3 Régions"),
    _o("France 5", "tv", "france.tv/france-5"),
    _o("M6", "tv", "6play.fr m6.fr"),
    _o("LCP", "tv", "lcp.fr", "La Chaîne parlementaire"),
    _o("Public Sénat", "tv", "publicsenat.fr"),
    _o("France Bleu", "radio", "francebleu.fr"),
    _o("RMC", "radio", "rmc.bfmtv.com"),
    _o("France Culture", "radio", "radiofrance.fr/franceculture"),
    _o("L’Équipe", "national press", "lequipe.fr"),
    _o("Le Canard enchaîné", "national press", "lecanardenchaine.fr"),
    _o("Valeurs actuelles", "magazine", "valeursactuelles.com"),
    _o("Le Nouvel Obs", "magazine", "nouvelobs.com", "Le Nouvel Observateur"),
    _o("Le Figaro Magazine", "magazine", "lefigaro.fr/lefigaromagazine"),
    # Foreign outlets the French-language press cites most (« selon le New York Times »).
    _o("BBC", "foreign press", "bbc.com bbc.co.uk", "BBC News"),
    _o("CNN", "foreign press", "cnn.com"),
    _o("The New York Times", "foreign press", "nytimes.com", "New York Times"),
    _o("The Washington Post", "foreign press", "washingtonpost.com", "Washington Post"),
    _o("The Wall Street Journal", "foreign press", "wsj.com", "Wall Street Journal"),
    _o("Financial Times", "foreign press", "ft.com"),
    _o("The Guardian", "foreign press", "theguardian.com", "Guardian"),
    _o("The Times", "foreign press", "thetimes.co.uk"),
    _o("Politico", "foreign press", "politico.com politico.eu"),
    _o("Bloomberg", "agency", "bloomberg.com"),
    _o("Der Spiegel", "foreign press", "spiegel.de", "Spiegel"),
    _o("Bild", "foreign press", "bild.de"),
    _o("Süddeutsche Zeitung", "foreign press", "sueddeutsche.de"),
    _o("Frankfurter Allgemeine Zeitung", "foreign press", "faz.net", "FAZ"),
    _o("El País", "foreign press", "elpais.com"),
    _o("El Mundo", "foreign press", "elmundo.es"),
    _o("Corriere della Sera", "foreign press", "corriere.it"),
    _o("La Repubblica", "foreign press", "repubblica.it"),
    _o("Al Jazeera", "foreign press", "aljazeera.com aljazeera.net", "Al-Jazeera"),
    _o("Al Arabiya", "foreign press", "alarabiya.net", "Al-Arabiya"),
    _o("Haaretz", "foreign press", "haaretz.com"),
    _o("The Times of Israel", "foreign press", "timesofisrael.com", "Times of Israel"),
    _o("Kommersant", "foreign press", "kommersant.ru"),
    _o("Izvestia", "foreign press", "iz.ru"),
    _o("Novaïa Gazeta", "foreign press", "novayagazeta.ru", "Novaya Gazeta"),
    _o("Meduza", "foreign press", "meduza.io"),
    _o("Kyiv Independent", "foreign press", "kyivindependent.com", "The Kyiv Independent"),
    # Belgium, Switzerland, Canada, Africa, Middle East.
    _o("Le Soir", "foreign press", "lesoir.be"),
    _o("La Libre Belgique", "foreign press", "lalibre.be", "La Libre"),
    _o("RTBF", "tv", "rtbf.be"),
    _o("VRT", "tv", "vrt.be", "VRT NWS"),
    _o("La DH", "foreign press", "dhnet.be", "La Dernière Heure"),
    _o("SSR", "tv", "srgssr.ch", "Société suisse de radiodiffusion et télévision"),
    _o("Radio Okapi", "radio", "radiookapi.net"),
    _o("Le Temps", "foreign press", "letemps.ch"),
    _o("RTS", "tv", "rts.ch", "Radio Télévision Suisse"),
    _o("Tribune de Genève", "foreign press", "tdg.ch"),
    _o("24 heures", "foreign press", "24heures.ch"),
    _o("Le Devoir", "foreign press", "ledevoir.com"),
    _o("La Presse", "foreign press", "lapresse.ca"),
    _o("La Presse canadienne", "agency", "lapressecanadienne.ca", "Presse canadienne",
       "The Canadian Press"),
    _o("Radio-Canada", "tv", "radio-canada.ca", "ICI Radio-Canada"),
    _o("L’Orient-Le Jour", "foreign press", "lorientlejour.com"),
    _o("Le360", "foreign press", "le360.ma"),
    _o("Hespress FR", "foreign press", "fr.hespress.com", "Hespress"),
    # Diaspora press.
    _o("Nouvelles d’Arménie", "diaspora", "armenews.com", "Nouvelles d’Arménie Magazine"),
    _o("Le Courrier d’Erevan", "diaspora", "courrierdumonde.net"),
    # Aggregators: their domain is never the outlet of the copy they carry.
    _o("MSN", "aggregator", "msn.com"),
    _o("Yahoo Actualités", "aggregator", "yahoo.com"),
    _o("Google Actualités", "aggregator", "news.google.com"),
)


def by_domain(host: str) -> OutletEntry | None:
    """The outlet publishing under a host name (suffix match: fr.tass.com is tass.com)."""
    host = host.lower().removeprefix("www.")
    best: tuple[int, OutletEntry] | None = None
    for entry in OUTLETS:
        for domain in entry.domains:
            bare = domain.split("/", 1)[0]
            if (host == bare or host.endswith("." + bare)) and (
                    best is None or len(bare) > best[0]):
                best = (len(bare), entry)
    return best[1] if best else None
