"""mundo-digest.example — a multilingual aggregator republishing local stories from partner outlets, with
one folder per language edition. The frame is identical on every page; the article chrome is localized.
Chrome sits in elements with telling classes (gdpr-banner, share-tools, related-stories, newsletter-box).
Metadata in JSON-LD only."""

from __future__ import annotations

import json

from .common import Art, Chrome, block_html, esc, is_para, long_date, reading_minutes, slug

HOST = "mundo-digest.example"
LANG = "en"
NAME = "Mundo Digest"
BRAND_LINE = "Mundo Digest — the world’s local press in six languages"
EDITIONS = "FR · EN · DE · ES · IT · PT"

L = {
    "fr": dict(
        cookie="Mundo Digest utilise des cookies pour assurer le bon fonctionnement du site et, avec votre accord, "
               "pour mesurer l’audience et afficher des annonces adaptées.",
        accept="Tout accepter", reject="Tout refuser", source="Source : {}", by="Par {}",
        read="{} min de lecture", photo="{} — Photo : {}", inline="Lire aussi : {}", ad="Publicité",
        original="Lire l’article original sur {}", share="Partager sur les réseaux",
        related="Vous aimerez peut-être aussi",
        newsletter="Recevez chaque dimanche notre sélection des meilleurs articles de la presse locale européenne.",
        more=["Dans les Vosges, une scierie relance le flottage du bois pour un été",
              "La dernière salle de cinéma de Port-Gallet sauvée par ses spectateurs",
              "Un village de l’Aveyron accueille sa première école Montessori publique"],
    ),
    "en": dict(
        cookie="Mundo Digest uses cookies to keep the site working and, with your consent, to measure our audience "
               "and show you tailored ads.",
        accept="Accept cookies", reject="Reject non-essential", source="Source: {}", by="By {}",
        read="{}-minute read", photo="{} — Photo: {}", inline="Related: {}", ad="Advertisement",
        original="Read the original story at {}", share="Share on social", related="Read more",
        newsletter="Get our Sunday selection of the best local journalism from across Europe.",
        more=["A village bakery in Kerrow has been open every day for 100 years",
              "Fishermen and windfarm developers sign a rare truce off Easterhaven",
              "The last lighthouse keeper of Carrick Point hands over the keys"],
    ),
    "de": dict(
        cookie="Mundo Digest verwendet Cookies, damit die Seite funktioniert, und mit Ihrer Zustimmung, um die "
               "Reichweite zu messen und passende Werbung anzuzeigen.",
        accept="Zustimmen", reject="Ablehnen", source="Quelle: {}", by="Von {}",
        read="{} Minuten Lesezeit", photo="{} — Foto: {}", inline="Mehr zum Thema: {}", ad="Anzeige",
        original="Originalartikel bei {} lesen", share="In sozialen Netzwerken teilen",
        related="Das könnte Sie auch interessieren",
        newsletter="Jeden Sonntag unsere Auswahl der besten Lokalgeschichten aus Europa – kostenlos per E-Mail.",
        more=["Ein Bergdorf im Allgäu baut sein eigenes Glasfasernetz",
              "Letzte Fährfrau am Mittelrhein geht in den Ruhestand",
              "Schulgarten statt Schulhof: Ein Experiment in Brennwald"],
    ),
    "es": dict(
        cookie="Mundo Digest usa cookies para que el sitio funcione y, con tu consentimiento, para medir la audiencia "
               "y mostrarte anuncios adaptados.",
        accept="Aceptar todo", reject="Rechazar todo", source="Fuente: {}", by="Por {}",
        read="{} minutos de lectura", photo="{} — Foto: {}", inline="Te puede interesar: {}", ad="Publicidad",
        original="Leer la noticia original en {}", share="Compartir en redes", related="Leer más",
        newsletter="Recibe cada domingo nuestra selección de las mejores noticias locales de Europa.",
        more=["El último herrero de Valdemora forma a tres aprendices",
              "Una cooperativa de pastores recupera la trashumancia a pie",
              "La escuela rural de Robledal vuelve a tener diez alumnos"],
    ),
    "it": dict(
        cookie="Mundo Digest usa i cookie per far funzionare il sito e, con il tuo consenso, per misurare il "
               "pubblico e mostrarti annunci personalizzati.",
        accept="Accetto", reject="Rifiuto", source="Fonte: {}", by="di {}",
        read="{} minuti di lettura", photo="{} — Foto: {}", inline="Leggi anche: {}", ad="Pubblicità",
        original="Leggi l’articolo originale su {}", share="Condividi sui social", related="Potrebbe interessarti",
        newsletter="Ricevi ogni domenica la nostra selezione del miglior giornalismo locale europeo.",
        more=["A Borgoreale l’ultima bottega del ferro battuto cerca un erede",
              "Il paese dove la scuola ha riaperto grazie a tre famiglie arrivate dalla città",
              "Un traghetto a vela collega di nuovo le due sponde del lago"],
    ),
    "pt": dict(
        cookie="O Mundo Digest usa cookies para o site funcionar e, com o seu consentimento, para medir a audiência e "
               "mostrar anúncios personalizados.",
        accept="Aceitar tudo", reject="Rejeitar", source="Fonte: {}", by="Por {}",
        read="{} minutos de leitura", photo="{} — Foto: {}", inline="Veja também: {}", ad="Publicidade",
        original="Ler o artigo original em {}", share="Partilhar nas redes", related="Leia também",
        newsletter="Receba todos os domingos a nossa seleção do melhor jornalismo local da Europa.",
        more=["Em Alvarães, o último moinho de água volta a moer milho",
              "Aldeia do interior abre casa partilhada para estudantes",
              "Pescadores de Vila do Cabo testam caixas reutilizáveis"],
    ),
}
TZ = {"en": "+00:00", "pt": "+00:00"}


def _tz(art: Art) -> str:
    base = 0 if art.lang in ("en", "pt") else 1
    summer = "2025-03-30" <= art.published < "2025-10-26"
    return f"+0{base + summer}:00"


def render(art: Art, site: list[Art]) -> tuple[str, list[str]]:
    c = Chrome()
    t = L[art.lang]
    outlet = art.extra["outlet"]
    others = [a.title for a in site if a.lang == art.lang and a is not art]
    rel = others + t["more"]
    jsonld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": art.title, "inLanguage": art.lang,
        "datePublished": f"{art.published}T{art.time}:00{_tz(art)}",
        "author": [{"@type": "Person", "name": a} for a in art.authors],
        "publisher": {"@type": "Organization", "name": "Mundo Digest"},
        "isBasedOn": {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": outlet}},
    }, ensure_ascii=False, indent=1)
    body: list[str] = []
    paras = 0
    for b in art.body:
        body.append(block_html(b))
        if is_para(b):
            paras += 1
            if paras == 2:
                body.append(f'<p class="inline-related">{c.h(t["inline"].format(rel[0]))}</p>')
            if paras == 4:
                body.append(f'<div class="ad-slot"><span>{c.h(t["ad"])}</span></div>')
    related = "\n".join(f'    <li><a href="/{art.lang}/r{i}">{c.h(x)}</a></li>' for i, x in enumerate(rel[1:4]))
    by = t["by"].format(" & ".join(art.authors))
    html = f"""<!DOCTYPE html>
<html lang="{art.lang}">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} · Mundo Digest</title>
<script type="application/ld+json">
{jsonld}
</script>
</head>
<body>
<div class="gdpr-banner" role="dialog">
  <p>{c.h(t["cookie"])}</p>
  <button>{c.h(t["accept"])}</button> <button>{c.h(t["reject"])}</button>
</div>
<header class="masthead">
  <a href="/" class="brand">Mundo Digest</a>
  <p class="tagline">{c.h(BRAND_LINE)}</p>
  <div class="editions">{c.h(EDITIONS)}</div>
</header>
<main>
<article class="story">
<h1>{esc(art.title)}</h1>
<p class="source-attribution">{c.h(t["source"].format(outlet))}</p>
<div class="story-meta"><span class="byline">{c.h(by)}</span> ·
<time datetime="{art.published}T{art.time}:00{_tz(art)}">{c.h(long_date(art.published, art.lang))}</time> ·
<span class="reading-time">{c.h(t["read"].format(reading_minutes(art.body)))}</span></div>
<figure><img src="/media/{slug(art.title)[:30]}.jpg" alt="">
<figcaption>{c.h(t["photo"].format(art.caption, art.credit))}</figcaption></figure>
<div class="story-body">
{chr(10).join(body)}
</div>
<p class="original-link"><a href="https://partner.example/{slug(outlet)}">{c.h(t["original"].format(outlet))}</a></p>
<div class="share-tools"><span>{c.h(t["share"])}</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a> <a href="#">WhatsApp</a></div>
</article>
<aside class="related-stories">
  <h2>{c.h(t["related"])}</h2>
  <ul>
{related}
  </ul>
</aside>
<div class="newsletter-box">
  <p>{c.h(t["newsletter"])}</p>
  <input type="email"> <button>OK</button>
</div>
</main>
<footer>
  <p>{c.h("© 2025 Mundo Digest Ltd. Articles are republished with permission of their publishers.")}</p>
  <p>{c.h("About · Partners · Privacy · Imprint")}</p>
</footer>
</body>
</html>
"""
    return html, c.strings


ARTICLES = [
    Art(
        "fr/val-dormeaux-ruches-mediatheque.html",
        "À Val-d’Ormeaux, des ruches sur le toit de la médiathèque pour sensibiliser les lecteurs",
        lang="fr", authors=["Séverine Lacombe"], published="2025-05-21", time="09:00",
        extra={"outlet": "L’Écho des Ormeaux"},
        caption="Nadège Forestier inspecte l’une des six ruches installées sur le toit.", credit="L’Écho des Ormeaux",
        body=[
            "Depuis le début du mois, six ruches ont pris place sur le toit plat de la médiathèque de Val-d’Ormeaux. "
            "Une initiative de la bibliothécaire Nadège Forestier, apicultrice amateur depuis quinze ans, qui voulait "
            "« faire entrer la nature dans un lieu de savoir ».",
            "Les ruches, inaccessibles au public pour des raisons de sécurité, sont filmées en permanence par une petite "
            "caméra. Les images sont diffusées sur un écran installé dans l’espace jeunesse, où les enfants peuvent "
            "observer les allées et venues des abeilles.",
            ("h", "Des ateliers tout l’été"),
            "La médiathèque propose chaque mercredi un atelier consacré aux insectes pollinisateurs, en partenariat avec "
            "le syndicat apicole local. Les premières séances affichent complet.",
            "Le miel récolté à la fin de l’été ne sera pas vendu : il sera distribué aux participants des ateliers et "
            "servi lors du goûter de la fête de la médiathèque, en septembre.",
            "« On pense souvent que les abeilles sont en danger en ville. En réalité, avec les jardins et les arbres "
            "d’alignement, elles y trouvent une grande diversité de fleurs », souligne Nadège Forestier.",
        ],
    ),
    Art(
        "fr/train-de-nuit-retour.txt",
        "Le train de nuit vers la côte reprend du service après quatre ans d’absence",
        lang="fr", authors=["Arnaud Pelletier"], published="2025-04-04", time="07:30",
        extra={"outlet": "Le Courrier du Val"},
        caption="Le premier train de nuit quitte le quai 3 vendredi soir.", credit="Le Courrier du Val",
        body=[
            "Après quatre ans d’interruption, le train de nuit reliant la capitale régionale à la côte a repris du "
            "service vendredi soir. Le premier départ, à 22 h 14, affichait complet depuis plusieurs semaines.",
            "La ligne avait été suspendue en 2021, faute de matériel roulant en état de circuler. La région a financé la "
            "rénovation de douze voitures-couchettes, désormais équipées de prises électriques, de compartiments pour "
            "quatre personnes et d’un espace pour les vélos.",
            "Le train circulera trois nuits par semaine jusqu’en juin, puis tous les soirs pendant l’été. Le trajet dure "
            "un peu moins de neuf heures, avec six arrêts intermédiaires.",
            "Les associations d’usagers saluent le retour d’une liaison qu’elles réclamaient depuis longtemps, mais "
            "regrettent des prix jugés élevés : il faut compter 59 euros pour une couchette en compartiment de quatre, "
            "contre 35 euros avant la suspension.",
            "La compagnie assure que des tarifs réduits seront proposés aux jeunes de moins de 27 ans et aux familles "
            "dès le mois prochain.",
        ],
    ),
    Art(
        "en/ridgeback-ice-field-survey.html",
        "Glacier survey finds Ridgeback ice field lost a fifth of its volume in a decade",
        lang="en", authors=["Fiona MacRae"], published="2025-09-08", time="08:15",
        extra={"outlet": "The Highland Ledger"},
        caption="Researchers set up radar equipment on the lower tongue of the ice field.",
        credit="Highland Institute of Earth Sciences",
        body=[
            "The Ridgeback ice field has lost about a fifth of its volume since 2015, according to a survey published "
            "this week by researchers at the Highland Institute of Earth Sciences.",
            "The team combined drone flights, ground-penetrating radar and measurements from stakes drilled into the ice "
            "each summer. The ice field, which feeds three rivers in the valley, has thinned by an average of 14 meters "
            "over the decade.",
            ("h", "Faster than expected"),
            "“We expected losses, but not at this speed,” said glaciologist Anouk Brenner, who led the survey. “The "
            "lower tongue of the ice field is now retreating by more than 40 meters a year.”",
            "The consequences are already visible downstream. Farmers in the valley report lower river levels in late "
            "summer, when meltwater used to keep streams running during dry spells.",
            "The researchers recommend that the regional water authority plan for reduced summer flows and build "
            "additional storage. They will repeat the survey every two years.",
        ],
    ),
    Art(
        "en/inchmurra-community-ferry.html",
        "Island community buys its own ferry after operator pulls out",
        lang="en", authors=["Callum Reid", "Ishbel Morrow"], published="2025-02-25", time="12:40",
        extra={"outlet": "The Skerry Times"},
        caption="The Morven Lass arrives at Inchmurra pier on its first crossing under community ownership.",
        credit="The Skerry Times",
        body=[
            "The 340 residents of Inchmurra have become the owners of their own ferry. The island’s development trust "
            "completed the purchase of the 28-year-old vessel Morven Lass on Monday, three months after the private "
            "operator announced it would end the service.",
            "The trust raised £610,000 through a community share offer, a regional grant and a loan. More than 1,100 "
            "people bought shares, many of them former islanders and regular visitors.",
            "The ferry makes up to six crossings a day to the mainland, carrying residents, tourists, post and supplies "
            "for the island’s shop. Without it, islanders would have had to rely on a weekly cargo boat.",
            ("q", "“People said we were mad to try. But if we had waited for someone else to fix it, the island would "
                  "have emptied,” said trust chair Morag Sinclair."),
            "The trust has hired the previous crew and plans to keep fares unchanged for the first year. It is also "
            "looking into converting the vessel to run partly on electric power.",
        ],
    ),
    Art(
        "de/unterbrunnbach-dorfladen-genossenschaft.txt",
        "Dorfladen in Unterbrunnbach rettet sich mit Genossenschaftsmodell",
        lang="de", authors=["Monika Aigner"], published="2025-03-13", time="10:00",
        extra={"outlet": "Talbote Oberland"},
        caption="Gerda Stöckl steht weiterhin zweimal pro Woche hinter der Theke.", credit="Talbote Oberland",
        body=[
            "Der letzte Laden in Unterbrunnbach hätte Ende März schließen sollen. Nun bleibt er offen: 212 Einwohner "
            "haben sich zu einer Genossenschaft zusammengeschlossen und den Dorfladen übernommen, der seit 1958 im "
            "Besitz derselben Familie war.",
            "Die bisherige Inhaberin, Gerda Stöckl, hatte keinen Nachfolger gefunden. „Ich war erleichtert, als die "
            "Leute gesagt haben: Wir machen das zusammen“, sagt die 71-Jährige, die an zwei Vormittagen pro Woche "
            "weiter hinter der Theke steht.",
            "Jedes Mitglied hat mindestens einen Anteil zu 200 Euro gezeichnet. Mit dem Geld wurden eine neue "
            "Kühltheke und ein Kassensystem angeschafft. Zwei Teilzeitkräfte sind angestellt, dazu kommen "
            "ehrenamtliche Helfer.",
            "Im Sortiment finden sich neben Lebensmitteln des täglichen Bedarfs auch Produkte von elf Höfen aus der "
            "Umgebung. Eine kleine Kaffeeecke soll den Laden zum Treffpunkt machen.",
            "Ob sich das Modell trägt, wird sich zeigen. Die Genossenschaft braucht nach eigener Rechnung einen Umsatz "
            "von etwa 1.400 Euro am Tag. Im ersten Monat lag er nach Angaben des Vorstands knapp darüber.",
        ],
    ),
    Art(
        "de/lindhausen-flusswaermepumpe.html",
        "Stadtwerke Lindhausen holen Heizwärme aus dem Fluss",
        lang="de", authors=["Tobias Reuter"], published="2025-01-29", time="15:30",
        extra={"outlet": "Lindhausener Tagblatt"},
        caption="Die neue Pumpenstation am Ufer der Wende.", credit="Stadtwerke Lindhausen",
        body=[
            "Die Stadtwerke Lindhausen haben am Mittwoch eine Großwärmepumpe in Betrieb genommen, die dem Fluss Wende "
            "Wärme entzieht. Die Anlage soll künftig rund 1.800 Wohnungen im Stadtteil Mühlau mit Heizwärme versorgen.",
            "Das Prinzip ähnelt dem eines Kühlschranks, nur umgekehrt: Dem Flusswasser wird ein Teil seiner Wärme "
            "entzogen, die dann mithilfe von Strom auf die nötige Temperatur für das Fernwärmenetz gebracht wird. "
            "Selbst im Winter ist das Wasser der Wende selten kälter als vier Grad.",
            ("h", "Auswirkungen auf den Fluss werden beobachtet"),
            "Das zurückgeleitete Wasser ist höchstens zwei Grad kälter als zuvor. Ein Fischereibiologe überwacht in den "
            "ersten drei Jahren, ob sich das auf den Bestand an Äschen und Bachforellen auswirkt.",
            "Die Anlage hat 14 Millionen Euro gekostet, knapp die Hälfte davon kam aus Fördermitteln. Stadtwerke-Chef "
            "Bernd Kohlhaas spricht von einem „Baustein, auf den wir in zehn Jahren nicht mehr verzichten wollen“.",
            "Eine zweite, größere Anlage am Hafen ist bereits in Planung. Sie könnte ab 2028 weitere 3.000 Wohnungen "
            "versorgen.",
        ],
    ),
    Art(
        "es/fuentealba-lavadero-cultural.html",
        "Fuentealba del Monte recupera su antiguo lavadero como espacio cultural",
        lang="es", authors=["Rocío Benavente"], published="2025-07-02", time="11:20",
        extra={"outlet": "Diario del Páramo"},
        caption="Vecinos durante el concierto inaugural en el lavadero restaurado.", credit="Diario del Páramo",
        body=[
            "El antiguo lavadero de Fuentealba del Monte, construido en 1921 y abandonado desde los años setenta, se ha "
            "convertido en un pequeño espacio cultural. El ayuntamiento lo inauguró el sábado con un concierto de "
            "música tradicional al que asistieron más de doscientos vecinos.",
            "La restauración ha respetado las pilas de piedra originales y la cubierta de madera, que ha sido reforzada. "
            "Se han añadido una iluminación discreta y unas gradas desmontables para unas sesenta personas.",
            "«Aquí venían nuestras abuelas a lavar la ropa y a contarse la vida. Queríamos que volviera a ser un lugar "
            "de encuentro», explica la alcaldesa, Pilar Sanz.",
            "El lavadero acogerá este verano un ciclo de cine al aire libre, exposiciones de fotografía antigua del "
            "pueblo y talleres para niños. La programación correrá a cargo de la asociación cultural local.",
            "La obra ha costado 86.000 euros, financiados en su mayor parte por la diputación provincial a través de un "
            "programa contra la despoblación.",
        ],
    ),
    Art(
        "es/cala-morena-redes-biodegradables.html",
        "Los pescadores de Cala Morena prueban redes biodegradables",
        lang="es", authors=["Jaime Oller"], published="2025-05-08", time="08:50",
        extra={"outlet": "La Gaceta del Litoral"},
        caption="El patrón Vicente Roig revisa una de las nuevas redes en el puerto.", credit="La Gaceta del Litoral",
        body=[
            "Una decena de barcos de Cala Morena participan desde este mes en una prueba de redes de pesca "
            "biodegradables. El objetivo es reducir la contaminación que provocan las redes perdidas o abandonadas, "
            "que pueden seguir atrapando peces durante años.",
            "Las nuevas redes están fabricadas con un polímero que se degrada en el mar en unos dos años, frente a los "
            "siglos que tarda el nailon convencional. El proyecto está coordinado por el centro de investigación marina "
            "de la comarca.",
            "Los pescadores valoran la iniciativa, aunque con cautela. «Son algo menos resistentes y hay que revisarlas "
            "más a menudo. Si funcionan, las usaremos, pero el precio tiene que ser razonable», señala el patrón "
            "Vicente Roig.",
            "Durante seis meses, los investigadores compararán las capturas y el desgaste de las redes nuevas con las "
            "tradicionales. Los resultados se presentarán a la cofradía a principios del próximo año.",
            "Cada año se recuperan en esta zona del litoral varias toneladas de redes perdidas, según los datos del "
            "propio centro de investigación.",
        ],
    ),
    Art(
        "it/valdorsa-rifugio-cooperativa.html",
        "A Valdorsa il rifugio Pian delle Marmotte affidato a una cooperativa di giovani",
        lang="it", authors=["Sofia Brambilla"], published="2025-06-20", time="10:10",
        extra={"outlet": "Gazzetta delle Valli"},
        caption="I cinque soci della cooperativa davanti al rifugio.", credit="Gazzetta delle Valli",
        body=[
            "Il rifugio Pian delle Marmotte, a 2.140 metri di quota sopra Valdorsa, riapre questa estate con una "
            "gestione nuova: a prenderlo in carico è una cooperativa di cinque ragazzi tra i 23 e i 29 anni, tutti nati "
            "in valle.",
            "Il rifugio era rimasto chiuso per due stagioni dopo il ritiro dei precedenti gestori. Il Comune, "
            "proprietario della struttura, ha pubblicato un bando che privilegiava progetti presentati da giovani "
            "residenti.",
            "La cooperativa ha investito nei pannelli solari e in un nuovo impianto di depurazione. In cucina si "
            "useranno soprattutto prodotti degli alpeggi vicini: formaggi, burro e salumi arrivano a piedi o con la "
            "teleferica di servizio.",
            "«Molti nostri amici se ne sono andati in città per lavorare. Noi vogliamo dimostrare che in montagna si "
            "può restare», dice Matteo Gervasoni, presidente della cooperativa.",
            "Il rifugio sarà aperto da metà giugno a metà settembre e offrirà 34 posti letto, oltre a un locale "
            "invernale sempre aperto per gli escursionisti.",
        ],
    ),
    Art(
        "it/castelbrando-monopattini-vietati.html",
        "Castelbrando, il sindaco vieta i monopattini nel centro storico",
        lang="it", authors=["Davide Fontana"], published="2025-03-03", time="13:05",
        extra={"outlet": "Il Corriere di Castelbrando"},
        caption="Monopattini in sosta davanti a Porta San Michele.", credit="Il Corriere di Castelbrando",
        body=[
            "Da lunedì i monopattini elettrici non potranno più circolare nel centro storico di Castelbrando. Il "
            "sindaco Roberto Alfieri ha firmato un’ordinanza che vieta il loro utilizzo all’interno delle mura, anche "
            "per i mezzi privati.",
            "La decisione arriva dopo una serie di incidenti che hanno coinvolto pedoni nelle vie strette del centro, "
            "l’ultimo dei quali a fine febbraio, quando una donna di 78 anni è stata investita in via delle Logge.",
            "Le società di noleggio dovranno spostare i loro mezzi in dodici nuove aree di sosta situate appena fuori "
            "dalle porte della città. Chi viola il divieto rischia una multa fino a 200 euro.",
            "Non tutti sono d’accordo. Un gruppo di studenti universitari ha lanciato una raccolta firme, sostenendo "
            "che il monopattino è l’unico modo rapido per raggiungere le facoltà dalla stazione.",
            "Il Comune promette in cambio un potenziamento delle navette elettriche, che dalla prossima settimana "
            "passeranno ogni dieci minuti, e nuove rastrelliere per le biciclette accanto alle porte della città.",
        ],
    ),
    Art(
        "pt/porto-areia-mariscadoras-cooperativa.html",
        "Mariscadoras de Porto Areia criam cooperativa para vender sem intermediários",
        lang="pt", authors=["Joana Meireles"], published="2025-07-29", time="09:40",
        extra={"outlet": "Notícias da Ria"},
        caption="Mariscadoras na ria ao início da manhã, durante a maré vazia.", credit="Notícias da Ria",
        body=[
            "Vinte e três mariscadoras de Porto Areia criaram uma cooperativa para vender diretamente o marisco que "
            "apanham na ria, sem passar por intermediários. A primeira banca abriu no sábado, no mercado municipal.",
            "Até agora, as mulheres vendiam as amêijoas e os berbigões a comerciantes que fixavam os preços. "
            "«Trabalhávamos com frio e com chuva e ficávamos com a parte mais pequena», resume a presidente da "
            "cooperativa, Rosa Bandeira.",
            "A cooperativa comprou uma câmara frigorífica e um sistema de depuração com o apoio de fundos europeus para "
            "as pescas. Todo o marisco passa por análises antes de ser vendido.",
            "Além da banca no mercado, as cooperantes querem vender a restaurantes da região e, mais tarde, através de "
            "encomendas pela internet.",
            "A apanha de marisco é uma atividade com séculos de história na ria, tradicionalmente feita por mulheres, "
            "que passam várias horas por dia dobradas sobre a areia durante a maré vazia.",
        ],
    ),
    Art(
        "pt/vale-da-urze-biblioteca-itinerante.txt",
        "Biblioteca itinerante volta às aldeias de Vale da Urze",
        lang="pt", authors=["Pedro Lacerda"], published="2025-10-15", time="14:20",
        extra={"outlet": "Gazeta do Planalto"},
        caption="A nova carrinha da biblioteca estacionada no largo de uma aldeia.", credit="Gazeta do Planalto",
        body=[
            "A biblioteca itinerante voltou a percorrer as aldeias do concelho de Vale da Urze, depois de três anos "
            "parada por falta de motorista e de uma carrinha em condições.",
            "A nova carrinha, adaptada com estantes e uma pequena zona de leitura, leva cerca de 2.500 livros e visita "
            "18 aldeias, de quinze em quinze dias. Tem também acesso à internet e um computador para quem precisa de "
            "tratar de assuntos online.",
            "Para muitos moradores, sobretudo os mais velhos, a biblioteca é mais do que um serviço de empréstimo. "
            "«Vêm buscar livros, mas também vêm conversar», conta a bibliotecária Lurdes Pimentel, que acompanha a "
            "carrinha em todas as saídas.",
            "Nas primeiras duas semanas registaram-se 340 empréstimos, sobretudo romances, livros de receitas e obras "
            "sobre a história local.",
            "A câmara pondera alargar o serviço às escolas do primeiro ciclo do concelho a partir do próximo ano "
            "letivo, com sessões de leitura para as crianças.",
        ],
    ),
]
