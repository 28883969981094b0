"""kuestenbote-fiktiv.de — German regional paper with a conventional CMS: every piece of chrome sits in an
element whose class names it (cookie-consent, share-buttons, newsletter-teaser, related-articles, comments).
Metadata: <meta name="author"> and <time datetime> (or, on one page, the date only in text)."""

from __future__ import annotations

from .common import Art, Chrome, block_html, esc, is_para, long_date, num_date, reading_minutes, related_titles, slug

HOST = "kuestenbote-fiktiv.de"
LANG = "de"
NAME = "Der Küstenbote"
COOKIE = ("Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren, Werbung anzuzeigen und die "
          "Nutzung unserer Website zu analysieren. Ihre Auswahl können Sie jederzeit über den Link „Cookie-Einstellungen“ "
          "am Ende jeder Seite ändern.")
WALL = ("Wir und unsere 143 Partner verwenden Cookies und vergleichbare Technologien, um Informationen auf Ihrem Gerät "
        "zu speichern und abzurufen, personalisierte Werbung und Inhalte anzuzeigen, Werbung und Inhalte zu messen und "
        "Erkenntnisse über Zielgruppen zu gewinnen. Mit einem Klick auf die Schaltfläche unten willigen Sie in die "
        "Verarbeitung ein. Ihre Einwilligung können Sie jederzeit über den Link „Privatsphäre“ am Ende jeder Seite "
        "widerrufen.")


def _header(c: Chrome, crumb: str | None) -> str:
    c("Küstenbote Plus testen")
    c("Trauerportal")
    out = """<header class="site-header">
  <a class="logo" href="/">Der Küstenbote</a>
  <a class="plus-cta" href="/plus">Küstenbote Plus testen</a> <a class="login" href="/login">Anmelden</a>
</header>
<nav class="main-nav">
  <a href="/region">Region</a> <a href="/politik">Politik</a> <a href="/wirtschaft">Wirtschaft</a>
  <a href="/sport">Sport</a> <a href="/kultur">Kultur</a> <a href="/blaulicht">Blaulicht</a> <a href="/trauer">Trauerportal</a>
</nav>"""
    if crumb:
        c(f"Startseite › {crumb}")
        out += f'\n<nav class="breadcrumb"><a href="/">Startseite</a> › <a href="/{slug(crumb)}">{esc(crumb)}</a></nav>'
    return out


def _footer(c: Chrome) -> str:
    return f"""<footer class="site-footer">
  <p>{c.h("© 2025 Küstenbote Verlag GmbH & Co. KG")}</p>
  <p>{c.h("Impressum | Datenschutz | AGB | Cookie-Einstellungen | Kontakt")}</p>
</footer>"""


def render(art: Art, site: list[Art]) -> tuple[str, list[str]]:
    if art.kind == "non_article":
        return _wall(art)
    c = Chrome()
    rel = related_titles(site, art, 4)
    meta = []
    if art.authors:
        meta.append(f'<span class="author">{c.h("Von " + " und ".join(art.authors))}</span>')
    if art.extra.get("date_in_text_only"):
        stamp = f"Veröffentlicht am {long_date(art.published, 'de')}, {art.time} Uhr"
        meta.append(f'<span class="date">{c.h(stamp)}</span>')
    else:
        stamp = f"{num_date(art.published, '.')}, {art.time} Uhr"
        meta.append(f'<time datetime="{art.published}T{art.time}:00+0{1 if art.published < "2025-03-30" else 2}:00">'
                    f'{c.h(stamp)}</time>')
    meta.append(f'<span class="reading-time">{c.h(f"Lesezeit: {reading_minutes(art.body)} Min.")}</span>')
    body: list[str] = []
    paras = 0
    for b in art.body:
        body.append(block_html(b))
        if is_para(b):
            paras += 1
            if paras == 2 and len(art.body) > 3:
                c(f"Lesen Sie auch: {rel[0]}")
                body.append(f'<aside class="read-also"><strong>Lesen Sie auch:</strong> '
                            f'<a href="/artikel/1">{esc(rel[0])}</a></aside>')
            if paras == 4:
                body.append(f'<div class="ad-container"><span class="ad-label">{c.h("Anzeige")}</span></div>')
    related = "\n".join(f'    <li><a href="/artikel/r{i}">{c.h(t)}</a></li>' for i, t in enumerate(rel[1:]))
    author_meta = f'<meta name="author" content="{esc(", ".join(art.authors))}">\n' if art.authors else ""
    figure = ""
    if art.caption:
        figure = (f'<figure class="article-image"><img src="/bilder/{slug(art.title)[:30]}.jpg" alt="">\n'
                  f'  <figcaption>{c.h(art.caption)} <span class="credit">{c.h("Foto: " + art.credit)}</span>'
                  f'</figcaption></figure>')
    html = f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} - Der Küstenbote</title>
{author_meta}<meta property="og:type" content="article">
<meta property="og:site_name" content="Der Küstenbote">
</head>
<body>
<div id="cmp-cookie-consent" class="cookie-consent-layer">
  <p>{c.h(COOKIE)}</p>
  <button>{c.h("Alle akzeptieren")}</button> <button>Einstellungen</button>
</div>
{_header(c, art.section)}
<main class="content">
<article class="article">
<header class="article-header">
  <p class="kicker">{esc(art.extra.get("kicker", art.section))}</p>
  <h1>{esc(art.title)}</h1>
  <div class="article-meta">{" | ".join(meta)}</div>
</header>
{figure}
<div class="article-body">
{chr(10).join(body)}
</div>
<div class="article-tags">{c.h("Themen: " + ", ".join(art.tags))}</div>
<div class="share-buttons">{c.h("Artikel teilen:")} <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">E-Mail</a></div>
</article>
<section class="newsletter-teaser">
  <h3>{c.h("Küstenbote am Morgen")}</h3>
  <p>{c.h("Jetzt den kostenlosen Newsletter abonnieren und jeden Morgen um 6 Uhr die wichtigsten Nachrichten aus der Region lesen.")}</p>
  <form class="newsletter-form"><input type="email" placeholder="Ihre E-Mail-Adresse"> <button>Anmelden</button></form>
</section>
<aside class="related-articles">
  <h3>{c.h("Mehr zum Thema")}</h3>
  <ul>
{related}
  </ul>
</aside>
<section id="comments" class="comments">
  <h3>Kommentare</h3>
  <p>{c.h("Um zu kommentieren, melden Sie sich bitte an. Es gilt unsere Netiquette.")}</p>
</section>
</main>
{_footer(c)}
</body>
</html>
"""
    return html, c.strings


def _wall(art: Art) -> tuple[str, list[str]]:
    c = Chrome()
    html = f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{esc(art.title)}</title>
</head>
<body class="consent-open">
{_header(c, None)}
<div id="sp-message-container" class="consent-wall">
  <h2>{c.h("Willkommen beim Küstenboten")}</h2>
  <p>{c.h("Lesen Sie unsere Artikel kostenlos mit Werbung oder werbefrei mit Küstenbote Plus.")}</p>
  <p>{c.h(WALL)}</p>
  <p>{c.h("Weitere Informationen finden Sie in unserer Datenschutzerklärung und in der Liste unserer Partner.")}</p>
  <button>{c.h("Zustimmen und weiter")}</button>
  <button>{c.h("Küstenbote Plus abonnieren – 4,99 € im Monat")}</button>
  <p>{c.h("Bereits Abonnent? Hier anmelden")}</p>
</div>
{_footer(c)}
</body>
</html>
"""
    return html, c.strings


ARTICLES = [
    Art(
        "region/freibad-eintrittspreise.html",
        "Freibäder im Kreis: So viel kostet der Eintritt in dieser Saison",
        authors=["Jens Harmsen"], published="2025-05-02", time="06:30", section="Region", hard_case="table",
        tags=["Freibad", "Landkreis", "Freizeit"],
        caption="Das sanierte Strandbad Möwenort hat jetzt ein beheiztes Becken.", credit="Thore Lübbers",
        body=[
            "Pünktlich zum Start der Badesaison haben die Freibäder im Landkreis ihre neuen Preise veröffentlicht. "
            "Fast überall wird der Eintritt teurer, in zwei Bädern bleibt er stabil. Die Betreiber verweisen auf "
            "gestiegene Energie- und Personalkosten.",
            "Am stärksten steigen die Preise im Strandbad Möwenort, wo Erwachsene künftig 5,50 Euro statt 4,50 Euro "
            "zahlen. Das Bad wurde im Winter für 1,8 Millionen Euro saniert und hat nun ein beheiztes Becken.",
            ("h", "Die Preise im Überblick"),
            ("table", [["Freibad", "Erwachsene", "Kinder", "Saisonkarte"],
                       ["Strandbad Möwenort", "5,50 €", "3,00 €", "95 €"],
                       ["Waldbad Kremsdorf", "4,00 €", "2,00 €", "70 €"],
                       ["Freibad Altenhagen", "4,50 €", "2,50 €", "80 €"],
                       ["Naturbad am Lindensee", "3,50 €", "1,50 €", "55 €"]]),
            "Familien können in allen Bädern eine Familienkarte kaufen, die für zwei Erwachsene und bis zu drei Kinder "
            "gilt. Inhaber der Ehrenamtskarte des Landkreises erhalten in Kremsdorf und Altenhagen 50 Prozent Rabatt.",
            "Das Naturbad am Lindensee bleibt das günstigste Bad im Kreis. Der Förderverein, der das Bad seit 2016 "
            "ehrenamtlich betreibt, hat die Preise seit drei Jahren nicht erhöht. „Wir wollen, dass sich jede Familie "
            "einen Badetag leisten kann“, sagt Vereinschefin Ulrike Tamm.",
            "Die meisten Bäder öffnen am 15. Mai, das Waldbad Kremsdorf wegen Bauarbeiten am Kinderbecken erst Anfang "
            "Juni.",
        ],
    ),
    Art("zustimmung.html", "Der Küstenbote – Nachrichten von der Küste", kind="non_article",
        hard_case="consent-wall"),
    Art(
        "region/windpark-grevenhagen.html",
        "Windpark bei Grevenhagen: Gemeinde stimmt nach langem Streit zu",
        authors=["Birte Sommerfeld"], published="2025-03-04", time="14:20", section="Region",
        hard_case="date-in-text", extra={"date_in_text_only": True},
        tags=["Windkraft", "Grevenhagen", "Energie"],
        caption="Auf diesen Feldern östlich von Grevenhagen sollen sieben Windräder entstehen.",
        credit="Thore Lübbers",
        body=[
            "Nach fast vier Jahren Streit hat die Gemeindevertretung von Grevenhagen am Montagabend dem geplanten "
            "Windpark auf den Ackerflächen östlich des Dorfes zugestimmt. Neun Abgeordnete stimmten dafür, vier "
            "dagegen, zwei enthielten sich.",
            "Geplant sind sieben Windräder mit einer Gesamthöhe von jeweils 240 Metern. Der Betreiber, die "
            "Nordwind-Energiegenossenschaft, rechnet mit einer Jahresproduktion, die rechnerisch rund 45.000 "
            "Haushalte versorgen könnte.",
            ("h", "Bürger sollen mitverdienen"),
            "Den Ausschlag gab nach Aussage mehrerer Abgeordneter ein überarbeitetes Beteiligungsmodell. Einwohner der "
            "Gemeinde können Genossenschaftsanteile ab 250 Euro zeichnen, außerdem fließen pro Jahr 0,2 Cent je "
            "erzeugter Kilowattstunde in die Gemeindekasse – nach Schätzung der Verwaltung etwa 180.000 Euro.",
            "Die Bürgerinitiative „Freier Horizont“ kündigte an, weiter gegen das Projekt vorzugehen. Ihr Sprecher "
            "Holger Wiechmann kritisierte vor allem den Abstand zu den Häusern am Mühlenweg, der an einer Stelle nur "
            "knapp über 1.000 Meter liegt.",
            "Bis die ersten Anlagen Strom liefern, dürften noch Jahre vergehen. Das Genehmigungsverfahren beim "
            "Landesamt steht erst am Anfang; der Betreiber rechnet mit einem Baubeginn frühestens 2027.",
        ],
    ),
    Art(
        "kurz/hubbruecke-altenhagen-gesperrt.html",
        "Hubbrücke Altenhagen am Wochenende gesperrt",
        published="2025-04-10", time="11:00", section="Verkehr", hard_case="brief",
        tags=["Verkehr", "Altenhagen"],
        body=[
            "Die Hubbrücke über den Altenhagener Kanal wird von Samstag, 6 Uhr, bis Sonntag, 20 Uhr, für den gesamten "
            "Verkehr gesperrt. Grund sind Prüfarbeiten an der Hydraulik, teilte das Straßenbauamt mit.",
            "Autofahrer werden über die Umgehungsstraße und die Brücke bei Kremsdorf umgeleitet, was etwa zehn Minuten "
            "mehr Fahrzeit bedeutet. Fußgänger und Radfahrer können eine Fähre nutzen, die kostenlos im "
            "Halbstundentakt pendelt.",
            "Die Busse der Linie 12 fallen zwischen Hafen und Bahnhof aus. Die Prüfung war ursprünglich schon für "
            "Anfang März angesetzt gewesen.",
        ],
    ),
    Art(
        "kultur/stadtbibliothek-moewenort.html",
        "Stadtbibliothek Möwenort öffnet nach Umbau mit Makerspace und Lesecafé",
        authors=["Katrin Oellerich"], published="2025-02-08", time="09:00", section="Kultur",
        tags=["Bibliothek", "Möwenort", "Kultur"],
        caption="Lesecafé mit Hafenblick: der neue Eingangsbereich der Stadtbibliothek.", credit="Katrin Oellerich",
        body=[
            "Nach 14 Monaten Umbau öffnet die Stadtbibliothek Möwenort am Samstag wieder ihre Türen. Aus der etwas "
            "düsteren Ausleihe im alten Speichergebäude ist ein heller Treffpunkt geworden, der nach dem Willen der "
            "Stadt weit mehr sein soll als ein Ort zum Bücherausleihen.",
            "Die Umbaukosten von 4,3 Millionen Euro teilen sich Stadt und Land. Der Bestand wurde dabei um rund ein "
            "Viertel verkleinert; aussortiert wurden vor allem veraltete Sachbücher und doppelte Exemplare.",
            ("h", "Was neu ist"),
            ("ul", ["ein Makerspace mit 3D-Druckern, Nähmaschinen und einem Lasercutter",
                    "ein Lesecafé mit Blick auf den Hafen, betrieben von einem Inklusionsbetrieb",
                    "Öffnungszeiten bis 20 Uhr an vier Tagen in der Woche",
                    "ein Rückgabeautomat, der rund um die Uhr zugänglich ist"]),
            "Bibliotheksleiterin Anja Brodersen rechnet damit, dass die Zahl der Besuche deutlich steigt. „Vor dem "
            "Umbau kamen viele nur, um schnell etwas zurückzugeben. Jetzt sollen die Leute bleiben“, sagt sie.",
            "Zur Eröffnung am Samstag gibt es ab 10 Uhr ein Programm für Kinder und Familien, um 15 Uhr liest die "
            "Krimiautorin Friederike Lüth aus ihrem neuen Roman, der an der Küste spielt.",
        ],
    ),
    Art(
        "region/hafenfest-bilanz.html",
        "Hafenfest Möwenort: Weniger Besucher, aber friedlicher als im Vorjahr",
        authors=["Jens Harmsen"], published="2025-06-23", time="16:45", section="Region",
        tags=["Hafenfest", "Möwenort", "Polizei"],
        caption="Volle Kaikante am Sonntagnachmittag, als die Sonne doch noch herauskam.", credit="Thore Lübbers",
        body=[
            "Rund 85.000 Menschen haben am Wochenende das Hafenfest in Möwenort besucht, etwa 10.000 weniger als im "
            "vergangenen Jahr. Die Veranstalter führen den Rückgang vor allem auf das wechselhafte Wetter am Samstag "
            "zurück.",
            "Die Polizei zog eine positive Bilanz. Die Zahl der Einsätze sank von 112 auf 71, Schlägereien wie im "
            "Vorjahr am Fischmarkt blieben aus. Erstmals galt auf dem Festgelände ein Glasverbot, das nach "
            "Einschätzung der Beamten spürbar zur Beruhigung beigetragen hat.",
            ("q", "„Wir hatten ein entspanntes Fest mit vielen Familien. Das Glasverbot hat sich bewährt und wird "
                  "bleiben“, sagte Ordnungsamtsleiter Sven Kaltenbach."),
            "Auch der Sanitätsdienst hatte weniger zu tun als sonst. Die meisten der 64 Behandlungen betrafen "
            "Kreislaufprobleme und kleinere Schnittverletzungen, zwei Besucher kamen zur Beobachtung ins Krankenhaus.",
            "Schwierig war die Lage für manche Schausteller. Der Betreiber des Riesenrads berichtete von rund einem "
            "Drittel weniger Fahrgästen. Die Fischbrötchenstände dagegen meldeten teilweise Rekordumsätze.",
            "Das nächste Hafenfest findet vom 19. bis 21. Juni 2026 statt. Die Stadt prüft, ob das Feuerwerk am "
            "Sonntagabend durch eine Drohnenshow ersetzt werden kann.",
        ],
    ),
    Art(
        "politik/kreistag-rufbus.txt",
        "Kreistag beschließt neue Rufbus-Linien für die Dörfer im Hinterland",
        authors=["Birte Sommerfeld"], published="2025-01-28", time="19:15", section="Politik",
        tags=["Kreistag", "Nahverkehr", "Rufbus"],
        caption="Ein Rufbus im Testbetrieb an der Haltestelle Dorfstraße in Wendelin.", credit="Thore Lübbers",
        body=[
            "Wer in den kleinen Dörfern im Süden des Landkreises ohne Auto lebt, soll künftig leichter zum Arzt oder "
            "zum Einkaufen kommen. Der Kreistag hat am Dienstag mit großer Mehrheit beschlossen, ab dem Sommer sechs "
            "neue Rufbus-Linien einzurichten.",
            "Die Rufbusse fahren nur, wenn sie mindestens eine Stunde vorher per Telefon oder App bestellt werden. Sie "
            "verbinden 31 Dörfer mit den Bahnhöfen in Altenhagen und Kremsdorf und fahren werktags von 6 bis 21 Uhr.",
            ("h", "Kosten von 1,2 Millionen Euro pro Jahr"),
            "Der Landkreis rechnet mit Kosten von rund 1,2 Millionen Euro im Jahr, von denen das Land etwa die Hälfte "
            "übernimmt. Eine Fahrt kostet so viel wie ein normales Busticket; Monatskarten des Verkehrsverbunds "
            "werden anerkannt.",
            "Kritik kam von der Wählergemeinschaft Hinterland, die lieber feste Linien mit kleineren Bussen gesehen "
            "hätte. „Viele ältere Menschen werden nicht anrufen, sondern an der Haltestelle warten“, sagte "
            "Fraktionschef Olaf Pieper.",
            "Die Verwaltung will die neuen Linien nach einem Jahr auswerten und bei geringer Nachfrage anpassen.",
        ],
    ),
    Art(
        "natur/eisvogel-zaehlung.txt",
        "Naturschützer zählen an der Grevenau so viele Eisvögel wie seit 20 Jahren nicht",
        authors=["Katrin Oellerich"], published="2025-03-21", time="10:10", section="Natur",
        tags=["Naturschutz", "Eisvogel", "Grevenau"],
        caption="Ein Eisvogel an einer der neuen Lehmwände an der Grevenau.", credit="Malte Ehlers",
        body=[
            "Gute Nachrichten von der Grevenau: Ehrenamtliche Naturschützer haben bei ihrer jährlichen Zählung 27 "
            "Brutpaare des Eisvogels entlang des Flusses festgestellt. Das sind so viele wie seit mindestens zwanzig "
            "Jahren nicht.",
            "Der kleine, leuchtend blaue Vogel gilt als Indikator für saubere Gewässer mit ausreichend Kleinfischen. "
            "Nach mehreren kalten Wintern war sein Bestand an der Grevenau Anfang der 2010er-Jahre auf weniger als "
            "zehn Paare gesunken.",
            "Für die Erholung sieht der Naturschutzverein Grevenau mehrere Gründe: milde Winter, in denen die Gewässer "
            "kaum zufrieren, die Renaturierung von drei Flussabschnitten und neue Steilwände aus Lehm, die Freiwillige "
            "im Herbst 2021 angelegt hatten.",
            "„Die künstlichen Brutwände wurden schon im ersten Jahr angenommen. Inzwischen brüten dort fünf Paare“, "
            "berichtet Gebietsbetreuer Malte Ehlers.",
            "Ganz ohne Sorgen ist die Lage nicht. Ein einziger strenger Winter könne den Bestand wieder halbieren, "
            "warnen die Naturschützer, weil die Vögel dann an zugefrorenen Gewässern keine Nahrung mehr finden.",
            "Sie bitten Kanufahrer außerdem, in der Brutzeit bis Ende Juli Abstand zu den Uferwänden zu halten und "
            "dort nicht anzulegen.",
        ],
    ),
]
