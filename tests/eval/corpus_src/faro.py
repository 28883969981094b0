"""il-faro-immaginario.it — Italian coastal daily with a standard CMS: chrome in elements whose classes name
it (cookie-banner, also-read, social-share, related, newsletter, comments). Metadata in <meta name="author">
and article:published_time; the visible date in <time>."""

from __future__ import annotations

from .common import Art, Chrome, block_html, esc, is_para, long_date, reading_minutes, related_titles, slug

HOST = "il-faro-immaginario.it"
LANG = "it"
NAME = "Il Faro"
COOKIE = ("Questo sito utilizza cookie tecnici e, previo tuo consenso, cookie di profilazione di terze parti per "
          "mostrarti annunci in linea con le tue preferenze. Chiudendo il banner acconsenti all’uso dei soli cookie "
          "tecnici.")


def _tz(iso: str) -> str:
    return "+02:00" if "2025-03-30" <= iso < "2025-10-26" else "+01:00"


def _top(c: Chrome, crumb: str | None) -> str:
    c("Abbonati a Il Faro digitale")
    c("Necrologie")
    out = f"""<div class="cookie-banner" id="cookie-law-info">
  <p>{c.h(COOKIE)}</p>
  <button>{c.h("Accetta tutti")}</button> <button>Rifiuta</button> <button>Personalizza</button>
</div>
<header class="header">
  <a class="logo" href="/">Il Faro</a>
  <a class="btn-abbonati" href="/abbonamenti">Abbonati a Il Faro digitale</a>
</header>
<nav class="menu-principale">
  <a href="/cronaca">Cronaca</a> <a href="/politica">Politica</a> <a href="/economia">Economia</a> <a href="/sport">Sport</a>
  <a href="/cultura">Cultura</a> <a href="/necrologie">Necrologie</a>
</nav>"""
    if crumb:
        c(f"Home / {crumb}")
        out += f'\n<div class="breadcrumbs"><a href="/">Home</a> / <a href="/{slug(crumb)}">{esc(crumb)}</a></div>'
    return out


def _bottom(c: Chrome) -> str:
    return f"""<footer>
  <p>{c.h("© 2025 Il Faro Editoriale S.r.l. — P. IVA 01234567890")}</p>
  <p>{c.h("Note legali | Privacy | Cookie policy | Contatti")}</p>
  <p>{c.h("Registrazione presso il Tribunale di Capo Lume n. 12/1987")}</p>
</footer>"""


def render(art: Art, site: list[Art]) -> tuple[str, list[str]]:
    if art.kind == "non_article":
        return _index(art)
    c = Chrome()
    rel = related_titles(site, art, 4)
    stamp = f"{long_date(art.published, 'it')}, ore {art.time}"
    meta = [f'<p class="byline">{c.h("di " + " e ".join(art.authors))}</p>',
            f'<p class="dateline"><time datetime="{art.published}T{art.time}:00{_tz(art.published)}">{c.h(stamp)}</time>'
            + (f' <span class="updated">{c.h(f"Aggiornato alle {art.updated}")}</span>' if art.updated else "")
            + "</p>",
            f'<p class="reading-time">{c.h(f"Tempo di lettura: {reading_minutes(art.body)} minuti")}</p>']
    body: list[str] = []
    paras = 0
    for b in art.body:
        body.append(block_html(b, "h3" if art.hard_case == "live-blog" else "h2"))
        if is_para(b):
            paras += 1
            if paras == 2:
                c(f"Leggi anche: {rel[0]}")
                body.append(f'<div class="also-read">Leggi anche: <a href="/articolo/1">{esc(rel[0])}</a></div>')
            if paras == 4:
                body.append(f'<div class="ad"><span>{c.h("Pubblicità")}</span></div>')
    related = "\n".join(f'    <li><a href="/articolo/r{i}">{c.h(t)}</a></li>' for i, t in enumerate(rel[1:]))
    html = f"""<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} | Il Faro</title>
<meta name="author" content="{esc(", ".join(art.authors))}">
<meta property="article:published_time" content="{art.published}T{art.time}:00{_tz(art.published)}">
<meta property="og:site_name" content="Il Faro">
<meta property="og:title" content="{esc(art.title)}">
</head>
<body>
{_top(c, art.section)}
<main>
<article class="articolo">
<h1>{esc(art.title)}</h1>
{chr(10).join(meta)}
<figure><img src="/foto/{slug(art.title)[:30]}.jpg" alt="">
  <figcaption class="caption">{c.h(f"{art.caption} (foto {art.credit})")}</figcaption></figure>
<div class="testo">
{chr(10).join(body)}
</div>
<div class="paywall-promo">{c.h("Sostieni l’informazione locale: abbonati al Faro digitale a 1 euro al mese per i primi tre mesi.")}</div>
<div class="tags">{c.h("Argomenti: " + ", ".join(art.tags))}</div>
<div class="social-share"><span>{c.h("Condividi su")}</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>
</article>
<aside class="related">
  <h3>{c.h("Potrebbe interessarti")}</h3>
  <ul>
{related}
  </ul>
</aside>
<section class="newsletter">
  <p>{c.h("Iscriviti alla newsletter del Faro: ogni sera alle 19 le notizie della costa nella tua casella di posta.")}</p>
  <input type="email" placeholder="La tua email"> <button>Iscriviti</button>
</section>
<div id="comments">
  <h3>Commenti</h3>
  <p>{c.h("Accedi per commentare. I commenti sono moderati secondo le regole della community.")}</p>
</div>
</main>
{_bottom(c)}
</body>
</html>
"""
    return html, c.strings


INDEX_CARDS = [
    ("Maltempo a Capo Lume, esondato il torrente Rivo: evacuate quaranta famiglie",
     "Scuole chiuse anche domani, la protezione civile monitora il livello dei corsi d’acqua.", "2 ore fa"),
    ("Porto turistico di Capo Lume, via libera al progetto da 32 milioni",
     "Il consiglio comunale approva dopo dieci anni di discussioni: 420 posti barca.", "5 ore fa"),
    ("Rocca Salina, furto nella farmacia di piazza Garibaldi: rubati contanti e profumi",
     "I ladri sono entrati dal retro forzando una grata, indagano i carabinieri.", "Ieri"),
    ("Incidente sulla provinciale 12, ferito un motociclista di 34 anni",
     "L’uomo è stato trasportato in elicottero all’ospedale del capoluogo.", "Ieri"),
    ("Santa Lucia del Capo, il sindaco chiude la spiaggia libera per erosione",
     "Il tratto tra i due pontili resterà interdetto fino alla fine dei lavori di ripascimento.", "2 giorni fa"),
    ("Borgo Ulivo, cento anni di nonna Assunta: festa in paese",
     "Nata nel 1925, ha lavorato per mezzo secolo nel frantoio di famiglia.", "3 giorni fa"),
    ("Truffe agli anziani, a Capo Lume un incontro con la polizia locale",
     "Martedì alle 17 nella sala consiliare, ingresso libero.", "3 giorni fa"),
]


def _index(art: Art) -> tuple[str, list[str]]:
    c = Chrome()
    cards = "\n".join(
        f'<div class="card">\n  <h3><a href="/cronaca/{i}">{esc(t)}</a></h3>\n  <p class="card-abstract">{esc(a)}</p>\n'
        f'  <span class="card-time">{esc(w)}</span>\n</div>' for i, (t, a, w) in enumerate(INDEX_CARDS))
    html = f"""<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} | Il Faro</title>
<meta property="og:site_name" content="Il Faro">
</head>
<body>
{_top(c, art.section)}
<main>
<h1>{esc(art.title)}</h1>
<p class="section-intro">{c.h("Le notizie di cronaca da Capo Lume, Rocca Salina, Borgo Ulivo e dai comuni della costa.")}</p>
<div class="cards">
{cards}
</div>
<p class="load-more"><a href="/cronaca?pagina=2">{c.h("Carica altri articoli")}</a></p>
</main>
{_bottom(c)}
</body>
</html>
"""
    return html, c.strings


ARTICLES = [
    Art(
        "cronaca/diretta-maltempo-capo-lume.html",
        "Maltempo a Capo Lume, la diretta: esondato il torrente Rivo, evacuate 40 famiglie",
        authors=["Giulia Serra"], published="2025-10-14", time="07:05", updated="16:30", section="Cronaca",
        hard_case="live-blog", tags=["Maltempo", "Capo Lume", "Protezione civile"],
        caption="Il torrente Rivo all’altezza del ponte vecchio, questa mattina.", credit="Pietro Lanza",
        body=[
            "Pioggia intensa e raffiche di vento su tutta la provincia. Gli aggiornamenti in tempo reale, dal più "
            "recente al meno recente.",
            ("h", "Ore 16.30"),
            "Il sindaco Carlo Benvenuti ha firmato l’ordinanza di chiusura delle scuole di ogni ordine e grado anche "
            "per domani. Restano chiusi i parchi pubblici e il cimitero comunale.",
            ("h", "Ore 14.10"),
            "La protezione civile comunica che il livello del torrente Rivo è in lenta discesa. Le squadre dei vigili "
            "del fuoco stanno liberando i garage allagati in via dei Cantieri.",
            ("h", "Ore 12.45"),
            "Quaranta famiglie della zona bassa di Rocca Salina sono state ospitate nella palestra della scuola media. "
            "I volontari hanno allestito un punto di ristoro con pasti caldi.",
            ("h", "Ore 10.20"),
            "Il torrente Rivo è esondato all’altezza del ponte vecchio. Chiusa la strada provinciale 12 tra Capo Lume "
            "e Rocca Salina; i mezzi pubblici seguono un percorso alternativo.",
            ("h", "Ore 8.30"),
            "In tre ore sono caduti oltre 110 millimetri di pioggia sulla stazione di Borgo Ulivo, un valore che non "
            "si registrava dal 2011.",
            ("h", "Ore 7.05"),
            "Buongiorno. Seguiamo in diretta l’ondata di maltempo che da questa notte interessa tutta la costa. "
            "L’allerta meteo è stata portata a rossa fino alla mezzanotte.",
        ],
    ),
    Art(
        "cronaca/porto-turistico-capo-lume.html",
        "Porto turistico di Capo Lume, via libera al progetto da 32 milioni",
        authors=["Marco Ventura"], published="2025-02-06", time="18:20", section="Cronaca",
        tags=["Porto turistico", "Capo Lume", "Consiglio comunale"],
        caption="Il tratto di costa dove sorgerà il nuovo porto turistico.", credit="Pietro Lanza",
        body=[
            "Dopo dieci anni di discussioni, il consiglio comunale di Capo Lume ha approvato il progetto definitivo del "
            "nuovo porto turistico. L’opera, dal valore di 32 milioni di euro, prevede 420 posti barca e sarà "
            "realizzata con un contratto di concessione della durata di cinquant’anni.",
            "A costruirlo e gestirlo sarà una cordata di imprese locali guidata dalla società Lanterna Marine. I lavori "
            "dovrebbero cominciare nella primavera del 2026 e durare circa tre anni.",
            ("h", "Le richieste degli ambientalisti"),
            "Le associazioni ambientaliste hanno chiesto garanzie sulla tutela della prateria di posidonia che si trova "
            "a poche centinaia di metri dall’imboccatura del porto. Il progetto prevede un sistema di monitoraggio "
            "delle acque e il divieto di ancoraggio nell’area protetta.",
            "«È un’opera che aspettiamo da una generazione e che porterà lavoro tutto l’anno, non solo d’estate», ha "
            "detto l’assessore al turismo Paola Ricci durante la seduta.",
            "L’opposizione si è astenuta, giudicando troppo lunga la durata della concessione e troppo basso il canone "
            "annuo previsto per il Comune, pari a 410.000 euro.",
        ],
    ),
    Art(
        "cultura/biblioteca-civica-rocca-salina.html",
        "La biblioteca civica di Rocca Salina riapre nel vecchio convento restaurato",
        authors=["Giulia Serra", "Marco Ventura"], published="2025-03-22", time="11:00", section="Cultura",
        hard_case="multi-author", tags=["Biblioteca", "Rocca Salina", "Restauro"],
        caption="Il chiostro cinquecentesco dell’ex convento durante la cerimonia di sabato.", credit="Pietro Lanza",
        body=[
            "Dopo sei anni di lavori, la biblioteca civica di Rocca Salina ha riaperto sabato nella sua nuova sede, "
            "l’ex convento dei Cappuccini sulla collina che domina il paese. Alla cerimonia hanno partecipato oltre "
            "seicento persone.",
            "Il restauro, costato 5,6 milioni di euro tra fondi europei e regionali, ha recuperato il chiostro "
            "cinquecentesco e le celle dei frati, trasformate in sale di studio silenziose. L’antico refettorio ospita "
            "ora la sezione per ragazzi.",
            ("h", "Un patrimonio di 80.000 volumi"),
            "La biblioteca conserva circa 80.000 volumi, tra cui un fondo di manoscritti e cinquecentine donato nel "
            "1962 dalla famiglia Arcangeli. Per la prima volta una parte di questi documenti sarà esposta al pubblico "
            "in una sala climatizzata.",
            ("q", "«Abbiamo voluto che il convento tornasse a essere un luogo di silenzio e di studio, ma aperto a "
                  "tutti e non solo a pochi», ha spiegato la direttrice Elena Mancuso."),
            "La biblioteca sarà aperta dal lunedì al sabato dalle 9 alle 19. Il chiostro ospiterà in estate un ciclo "
            "di letture serali all’aperto.",
        ],
    ),
    Art("cronaca/index.html", "Cronaca", kind="non_article", hard_case="section-index", section="Cronaca"),
    Art(
        "economia/olio-nuovo-rese-frantoi.html",
        "Olio nuovo, annata da record per i frantoi della costa: le rese comune per comune",
        authors=["Marco Ventura"], published="2025-01-09", time="08:45", section="Economia", hard_case="table",
        tags=["Olio", "Agricoltura", "Frantoi"],
        caption="Le prime olive della stagione arrivano al frantoio sociale di Borgo Ulivo.", credit="Pietro Lanza",
        body=[
            "L’annata olearia che si sta chiudendo sarà ricordata come una delle migliori degli ultimi vent’anni. "
            "Secondo i dati raccolti dal consorzio dei frantoi della costa, la produzione di olio extravergine è "
            "cresciuta del 35 % rispetto alla stagione precedente.",
            "A fare la differenza sono state le piogge di fine estate, arrivate al momento giusto, e l’assenza quasi "
            "totale della mosca dell’olivo, che negli ultimi anni aveva causato danni pesanti soprattutto nelle zone "
            "collinari.",
            ("h", "Le rese nei principali comuni"),
            ("table", [["Comune", "Olive molite (quintali)", "Resa media", "Olio prodotto (litri)"],
                       ["Borgo Ulivo", "18.400", "16,2 %", "325.000"],
                       ["Rocca Salina", "11.900", "15,1 %", "196.000"],
                       ["Capo Lume", "7.300", "14,8 %", "118.000"],
                       ["Santa Lucia del Capo", "5.600", "17,0 %", "104.000"]]),
            "I prezzi all’ingrosso, però, sono in calo dopo i massimi dello scorso anno. Un litro di extravergine "
            "locale viene pagato ai produttori intorno ai 9 euro, contro gli 11 del 2024.",
            "«La qualità è altissima, ora bisogna farla conoscere fuori dalla provincia», commenta il presidente del "
            "consorzio, Franco Deiana, che annuncia una campagna di promozione nelle fiere del nord Europa.",
        ],
    ),
    Art(
        "cultura/teatro-sociale-riapertura.html",
        "Il Teatro Sociale di Capo Lume torna a vivere: a ottobre il primo spettacolo dopo il restauro",
        authors=["Chiara Lodi"], published="2025-05-30", time="12:30", section="Cultura",
        tags=["Teatro", "Capo Lume", "Stagione teatrale"],
        caption="Il soffitto affrescato della sala, riportato alla luce dal restauro.", credit="Pietro Lanza",
        body=[
            "Il sipario del Teatro Sociale di Capo Lume si rialzerà il 4 ottobre, dopo otto anni di chiusura. Lo ha "
            "annunciato ieri il Comune presentando il cartellone della prima stagione, che conta ventidue spettacoli "
            "tra prosa, musica e danza.",
            "Il teatro, inaugurato nel 1874, era stato chiuso nel 2017 per problemi alla copertura e all’impianto "
            "elettrico. Il restauro ha riportato alla luce le decorazioni originali del soffitto, nascoste da una "
            "ridipintura degli anni Cinquanta.",
            "Tra le novità della stagione:",
            ("ul", ["un abbonamento per i giovani sotto i 26 anni a 40 euro",
                    "tre matinée dedicate alle scuole del territorio",
                    "un laboratorio di teatro per gli over 65",
                    "visite guidate al palcoscenico e ai camerini ogni prima domenica del mese"]),
            "La vendita degli abbonamenti inizierà il 1° luglio al botteghino del teatro e online. I biglietti per i "
            "singoli spettacoli saranno disponibili da settembre.",
            "Il Comune ha anche annunciato che il foyer resterà aperto di giorno come caffè letterario, gestito da una "
            "cooperativa sociale che impiega ragazzi con disabilità.",
        ],
    ),
    Art(
        "economia/mercato-contadino-piazza-porto.txt",
        "Il mercato contadino del sabato si sposta in piazza del Porto",
        authors=["Chiara Lodi"], published="2025-04-11", time="09:15", section="Economia",
        tags=["Mercato", "Capo Lume", "Agricoltura"],
        caption="I banchi del mercato contadino nel vecchio parcheggio di via Marconi.", credit="Pietro Lanza",
        body=[
            "Da sabato prossimo il mercato contadino di Capo Lume lascerà il parcheggio di via Marconi per trasferirsi "
            "in piazza del Porto. La decisione è stata presa dalla giunta dopo mesi di richieste da parte dei "
            "produttori.",
            "I trentadue banchi del mercato, che vendono frutta, verdura, formaggi, miele e pane, saranno disposti "
            "lungo il lato della piazza che guarda il mare. Il mercato resterà aperto dalle 8 alle 13.",
            "Secondo l’associazione dei produttori, la nuova posizione porterà più clienti, in particolare turisti e "
            "famiglie che passeggiano sul lungomare. Nel vecchio parcheggio, lamentano, mancava l’ombra e d’estate il "
            "caldo era insopportabile.",
            "Qualche perplessità arriva dai ristoratori della piazza, preoccupati per la riduzione dei posti auto nelle "
            "mattine di sabato. Il Comune ha promesso una navetta gratuita dal parcheggio della stazione.",
            "Per le prime settimane la polizia locale sarà presente in piazza per regolare il traffico dei furgoni "
            "dei produttori, che potranno scaricare la merce solo tra le 6.30 e le 7.45.",
        ],
    ),
    Art(
        "sport/maratona-della-costa.txt",
        "Maratona della Costa, record del percorso per Kiprono. Tra le donne vince Sara Bellini",
        authors=["Luca Pinna"], published="2025-11-17", time="08:10", section="Sport",
        tags=["Maratona", "Atletica", "Capo Lume"],
        caption="La partenza della Maratona della Costa davanti al porto di Capo Lume.", credit="Pietro Lanza",
        body=[
            "Il keniano Daniel Kiprono ha vinto la sedicesima edizione della Maratona della Costa, stabilendo il nuovo "
            "record del percorso in 2 ore 9 minuti e 41 secondi. Tra le donne si è imposta l’atleta di casa Sara "
            "Bellini, alla sua prima maratona.",
            "Alla partenza, davanti al porto di Capo Lume, si sono presentati 3.200 atleti, un numero mai raggiunto "
            "prima. Il percorso, quasi interamente pianeggiante, attraversa Rocca Salina e Santa Lucia del Capo prima "
            "di rientrare sul lungomare.",
            "Bellini, 27 anni, ha chiuso in 2 ore 31 minuti, staccando di quasi tre minuti la seconda classificata. "
            "«Ho corso davanti a casa mia, con tutti che gridavano il mio nome. Non potevo rallentare», ha detto dopo "
            "l’arrivo.",
            "Gli organizzatori hanno segnalato solo qualche malore legato al vento, che nella seconda parte di gara ha "
            "soffiato contrario lungo la costa.",
            "La prossima edizione è già in calendario per il terzo fine settimana di novembre del 2026.",
        ],
    ),
]
