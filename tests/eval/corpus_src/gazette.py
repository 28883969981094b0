"""gazette-du-lac.fr — French regional daily. Chrome in plain, hashed-class <p>/<div> inside the <article>
(nothing says cookie/newsletter/share/related), a site-specific closing line, date in <time> (or only in text)."""

from __future__ import annotations

from .common import Art, Chrome, block_html, esc, is_para, long_date, reading_minutes, related_titles, slug

HOST = "gazette-du-lac.fr"
LANG = "fr"
NAME = "La Gazette du Lac"
SITE_LINE = "La Gazette du Lac, le quotidien des deux rives depuis 1952"
COOKIE = ("Nous utilisons des cookies et d’autres traceurs pour mesurer l’audience, personnaliser les contenus et "
          "les annonces et améliorer votre expérience. Vous pouvez changer d’avis à tout moment depuis le lien "
          "« Gérer mes cookies » en bas de chaque page.")
NAV = ["Région", "Économie", "Sports", "Culture", "Loisirs", "Petites annonces", "Avis de décès"]


def _hm(t: str) -> str:
    h, m = t.split(":")
    return f"{int(h)}h{m}"


def _author_link(name: str) -> str:
    return f'<a href="/auteurs/{name.lower().replace(" ", "-")}">{esc(name)}</a>'


def _byline(art: Art) -> str:
    return "Par " + " et ".join(art.authors)


def _dateline(art: Art) -> str:
    return f"Publié le {long_date(art.published, 'fr')} à {_hm(art.time)}"


def _updated(art: Art) -> str:
    return f"Mis à jour le {long_date(art.published, 'fr')} à {_hm(art.updated)}"


def _caption(art: Art) -> str:
    return f"{art.caption} © {art.credit} / La Gazette du Lac"


def render(art: Art, site: list[Art]) -> tuple[str, list[str]]:
    if art.kind == "non_article":
        return _index(art)
    c = Chrome()
    rel = related_titles(site, art, 4)
    tz = "+01:00" if art.published < "2025-03-30" else "+02:00"
    head = ["<p>Par " + " et ".join(_author_link(a) for a in art.authors) + "</p>"]
    c(_byline(art))
    if art.extra.get("date_in_text_only"):
        head.append(f"<p>{c.h(_dateline(art))}</p>")
    else:
        c(_dateline(art))
        head.append(f'<p>Publié le <time datetime="{art.published}T{art.time}:00{tz}">'
                    f'{long_date(art.published, "fr")} à {_hm(art.time)}</time></p>')
    if art.updated:
        head.append(f"<p>{c.h(_updated(art))}</p>")
    head.append(f"<p>{c.h(f'Lecture : {reading_minutes(art.body)} min')}</p>")
    body: list[str] = []
    paras = 0
    for b in art.body:
        body.append(block_html(b))
        if is_para(b):
            paras += 1
            if paras == 2:
                c(f"À lire aussi : {rel[0]}")
                body.append(f'<p><strong>À lire aussi :</strong> <a href="/region/autre">{esc(rel[0])}</a></p>')
            if paras == 4:
                body.append(f'<div class="gz-x2"><span>{c.h("Publicité")}</span><div id="gz-slot-3"></div></div>')
    related = "\n".join(f'    <li><a href="/region/r{i}">{c.h(t)}</a></li>' for i, t in enumerate(rel[1:]))
    canon = art.path.rsplit(".", 1)[0]
    html = f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} | La Gazette du Lac</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="La Gazette du Lac">
<meta property="og:title" content="{esc(art.title)}">
<link rel="canonical" href="https://www.gazette-du-lac.fr/{canon}">
</head>
<body>
<a class="gz-skip" href="#contenu">{c.h("Aller au contenu principal")}</a>
<div class="gz-3kq1">
  <a href="/" class="gz-logo">La Gazette du Lac</a>
  <div class="gz-8f2a"><a href="/abonnement">{c.h("S’abonner dès 1 € le premier mois")}</a> <a href="/connexion">Se connecter</a></div>
</div>
<ul class="gz-m1">
{_nav_html(c)}
</ul>
<main class="gz-w" id="contenu">
<div class="gz-p0"><a href="/">Accueil</a> › <a href="/{art.path.split("/")[0]}">{esc(art.section)}</a></div>
<article class="gz-a">
<h1>{esc(art.title)}</h1>
<div class="gz-h7">
  {chr(10).join("  " + h for h in head).strip()}
</div>
<div class="gz-f4"><img src="/img/{canon.split("/")[-1]}.jpg" alt="">
  <p>{c.h(_caption(art))}</p></div>
<div class="gz-b9">
{chr(10).join(body)}
<p>{c.h(SITE_LINE)}</p>
</div>
<p>{c.h("Mots-clés : " + " · ".join(art.tags))}</p>
<div class="gz-s5"><span>{c.h("Partager cet article")}</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">{c.h("Copier le lien")}</a></div>
<div class="gz-n3">
  <p><strong>{c.h("La lettre du matin")}</strong></p>
  <p>{c.h("Chaque jour à 6 h, l’essentiel de l’actualité des deux rives dans votre boîte mail.")}</p>
  <p><input type="email" placeholder="Votre adresse e-mail"> <button>{c.h("Je m’inscris")}</button></p>
</div>
<div class="gz-r8">
  <p><strong>{c.h("Vous aimerez peut-être aussi")}</strong></p>
  <ul>
{related}
  </ul>
</div>
<div class="gz-c6">
  <p><strong>Réactions</strong></p>
  <p>{c.h("Les commentaires sont réservés aux abonnés. Connectez-vous pour réagir à cet article.")}</p>
</div>
</article>
</main>
{_footer_html(c)}
</body>
</html>
"""
    c(f"Accueil › {art.section}")
    return html, c.strings


def _nav_html(c: Chrome) -> str:
    c("Petites annonces")
    c("Avis de décès")
    return "\n".join(f'  <li><a href="/{slug(n)}">{esc(n)}</a></li>' for n in NAV)


def _footer_html(c: Chrome) -> str:
    c("Mentions légales · Données personnelles · Gérer mes cookies · Nous contacter")
    return f"""<div class="gz-z1">
  <p>{c.h("© 2025 La Gazette du Lac — Tous droits réservés")}</p>
  <p><a href="/mentions">Mentions légales</a> · <a href="/donnees">Données personnelles</a> · <a href="#gz-cmp">Gérer mes cookies</a> · <a href="/contact">Nous contacter</a></p>
  <p>{c.h("Toute reproduction, même partielle, des contenus de ce site est interdite sans l’accord écrit de la rédaction.")}</p>
</div>
<div class="gz-q0" id="gz-cmp">
  <p>{c.h(COOKIE)}</p>
  <button>{c.h("Accepter et fermer")}</button> <button>{c.h("Continuer sans accepter")}</button>
</div>"""


INDEX_CARDS = [
    ("Le prolongement du tram vers Brivaz-Plage prend un an de retard",
     "Une canalisation oubliée oblige à revoir le tracé entre le rond-point des Tanneurs et la future station "
     "Belvédère.", "Il y a 2 h"),
    ("Les pêcheurs professionnels du lac s’alarment de la chute des prises de féras",
     "Les prises déclarées ont reculé de 38 % en un an sur la rive sud, selon la fédération.", "Il y a 5 h"),
    ("La fromagerie des Crêts investit dans une nouvelle cave d’affinage",
     "Quatre emplois seront créés d’ici la fin de l’année, annonce la direction de la coopérative laitière.",
     "Hier"),
    ("Zone du Pré-Brûlé : trois entreprises attendent toujours la fibre",
     "Les chefs d’entreprise dénoncent des retards à répétition et menacent de déménager leurs bureaux.", "Hier"),
    ("Tourisme : les réservations d’été en hausse de 6 % sur la rive sud",
     "Les hébergeurs profitent d’un printemps précoce et du retour de la clientèle étrangère.", "Il y a 2 jours"),
    ("Le chantier naval Perrier change de mains après quatre générations",
     "Le repreneur, un ancien compagnon de l’entreprise, promet de conserver les neuf salariés.", "Il y a 3 jours"),
    ("Prix de l’immobilier : Morvaux dépasse pour la première fois Brivaz-Plage",
     "Le mètre carré s’échange désormais à 4 870 euros en moyenne dans l’ancien.", "Il y a 4 jours"),
    ("Les commerçants de l’avenue du Port réclament un fonds d’indemnisation",
     "Dix-huit mois de déviations ont fait chuter leur chiffre d’affaires, affirment-ils.", "Il y a 5 jours"),
]


def _index(art: Art) -> tuple[str, list[str]]:
    c = Chrome()
    cards = "\n".join(
        f'<div class="gz-k1">\n  <h2><a href="/economie/a{i}">{esc(t)}</a></h2>\n  <p>{esc(teaser)}</p>\n'
        f'  <span>{esc(when)}</span>\n</div>' for i, (t, teaser, when) in enumerate(INDEX_CARDS))
    html = f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} | La Gazette du Lac</title>
<meta property="og:site_name" content="La Gazette du Lac">
<link rel="canonical" href="https://www.gazette-du-lac.fr/economie">
</head>
<body>
<a class="gz-skip" href="#contenu">{c.h("Aller au contenu principal")}</a>
<div class="gz-3kq1">
  <a href="/" class="gz-logo">La Gazette du Lac</a>
  <div class="gz-8f2a"><a href="/abonnement">{c.h("S’abonner dès 1 € le premier mois")}</a> <a href="/connexion">Se connecter</a></div>
</div>
<ul class="gz-m1">
{_nav_html(c)}
</ul>
<main class="gz-w" id="contenu">
<div class="gz-p0"><a href="/">Accueil</a> › <a href="/economie">Économie</a></div>
<h1>{esc(art.title)}</h1>
<p>{c.h("Toute l’actualité économique des deux rives : entreprises, emploi, commerce et tourisme.")}</p>
{cards}
<p><a href="/economie?page=2">{c.h("Charger plus d’articles")}</a></p>
</main>
{_footer_html(c)}
</body>
</html>
"""
    c("Accueil › Économie")
    return html, c.strings


ARTICLES = [
    Art(
        "region/tram-ligne-2-retard.html",
        "Le prolongement du tram vers Brivaz-Plage prend un an de retard",
        authors=["Mathilde Roussel"], published="2025-02-11", time="07:15", updated="10:40",
        section="Transports", tags=["Tramway", "Brivaz-Plage", "Travaux"],
        caption="Les rails posés l’automne dernier s’arrêtent pour l’instant à la hauteur du rond-point des "
                "Tanneurs.", credit="Rémi Vautrin",
        body=[
            "Les habitants de Brivaz-Plage devront patienter. La mise en service du prolongement de la ligne 2 du "
            "tramway, annoncée pour la rentrée 2025, est repoussée à l’automne 2026, a confirmé lundi soir le syndicat "
            "intercommunal des transports lors d’une réunion publique organisée à la salle des fêtes.",
            "En cause, la découverte au printemps dernier d’une ancienne canalisation d’eaux pluviales qui "
            "n’apparaissait sur aucun plan. Elle passe exactement sous le tracé prévu, sur près de quatre cents "
            "mètres, entre le rond-point des Tanneurs et la future station Belvédère.",
            ("h", "Un surcoût de 6 millions d’euros"),
            "Dévier la canalisation impose de nouvelles études, puis des travaux de terrassement que les entreprises "
            "ne pourront pas engager avant la fin de l’été. Le syndicat chiffre le surcoût à 6 millions d’euros, soit "
            "environ 8 % du budget initial de l’opération.",
            "« Nous préférons annoncer un retard maintenant plutôt que de promettre une date que nous ne tiendrons "
            "pas », a expliqué son président, Gérard Mollaz, devant une salle parfois houleuse. Plusieurs commerçants "
            "de l’avenue du Port ont rappelé qu’ils subissent les déviations depuis dix-huit mois.",
            "Pour limiter la gêne, le syndicat a détaillé trois mesures :",
            ("ul", ["une navette de bus toutes les dix minutes entre le terminus actuel et la plage, dès le 1er avril ;",
                    "la réouverture de l’avenue du Port à la circulation locale pendant l’été ;",
                    "un fonds d’indemnisation pour les commerces dont le chiffre d’affaires a baissé de plus de 20 %."]),
            "Les associations d’usagers restent sceptiques. Elles demandent que les rames déjà livrées, stockées au "
            "dépôt de Morvaux, soient au moins utilisées pour renforcer la fréquence sur le tronçon existant, ce que le "
            "syndicat promet d’étudier d’ici l’été.",
        ],
    ),
    Art(
        "culture/festival-jazz-en-rive.html",
        "Jazz en Rive : la trompettiste Leona Briggs enflamme le port de Saint-Oyen",
        authors=["Benoît Lachenal"], published="2025-07-13", time="09:30",
        section="Culture", tags=["Jazz en Rive", "Festival", "Saint-Oyen-du-Lac"], hard_case="quoted-english",
        caption="Leona Briggs et son quintette sur la scène flottante, samedi vers 23 heures.",
        credit="Élodie Sarrazin",
        body=[
            "Il était un peu plus de 22 heures samedi quand Leona Briggs est montée sur la scène flottante amarrée "
            "devant le port de Saint-Oyen-du-Lac. Une heure et demie plus tard, les quelque trois mille spectateurs "
            "massés sur les quais réclamaient encore un rappel.",
            "La trompettiste de La Nouvelle-Orléans, invitée pour la première fois en Europe par le festival Jazz en "
            "Rive, avait prévenu dans l’après-midi qu’elle ne jouerait pas son dernier album en entier. Elle a tenu "
            "parole, mélangeant standards, compositions inédites et un long solo improvisé face au soleil couchant.",
            "Entre deux morceaux, elle s’est adressée au public en anglais, avant de demander à son bassiste de "
            "traduire :",
            ("q", "“We came here for the lake, but we are going to stay for the people. I have never played for a "
                  "crowd that listens so hard.”"),
            "Le bassiste, Théo Marmier, est originaire de Morvaux. C’est lui qui a convaincu la musicienne d’accepter "
            "l’invitation, après l’avoir accompagnée lors d’une tournée américaine l’an dernier. « Elle voulait voir "
            "d’où je venais. Je crois qu’elle n’est pas déçue », s’amusait-il après le concert.",
            ("h", "Une fréquentation record"),
            "Pour sa vingtième édition, Jazz en Rive revendique plus de 14 000 entrées sur quatre soirs, un record. "
            "Les organisateurs ont dû ouvrir en urgence un deuxième parking à la sortie du village et affréter un "
            "bateau supplémentaire depuis Brivaz-Plage.",
            "La présidente de l’association, Annick Dufourd, reconnaît que le succès pose question : « Le port n’est "
            "pas extensible. L’an prochain, il faudra sans doute limiter les entrées ou ajouter une soirée. » Le bilan "
            "financier sera présenté en septembre.",
        ],
    ),
    Art(
        "commerce/marche-couvert-saint-oyen.html",
        "À Saint-Oyen, le marché couvert rouvrira ses portes après deux ans de travaux",
        authors=["Inès Ferrero"], published="2025-03-03", time="18:05",
        section="Commerce", tags=["Saint-Oyen-du-Lac", "Marché couvert", "Commerce"], hard_case="date-in-text",
        extra={"date_in_text_only": True},
        caption="La charpente métallique de 1911 a été entièrement démontée puis remontée pièce par pièce.",
        credit="Rémi Vautrin",
        body=[
            "La date est enfin fixée : le marché couvert de Saint-Oyen-du-Lac rouvrira le samedi 5 avril, après "
            "vingt-six mois de travaux. La municipalité l’a annoncé lundi aux commerçants, réunis dans la salle du "
            "conseil pour découvrir le plan d’attribution des nouveaux étals.",
            "Construit en 1911, le bâtiment avait été fermé en urgence en janvier 2023, lorsqu’un expert avait relevé "
            "une corrosion avancée de la charpente métallique. Plutôt que de le démolir, la commune a choisi de le "
            "restaurer, pour un coût total de 3,2 millions d’euros, dont un tiers financé par la région.",
            ("h", "Vingt-quatre étals au lieu de trente"),
            "Le nouveau marché comptera vingt-quatre étals, contre trente auparavant, afin d’élargir les allées et de "
            "créer un espace de dégustation au centre de la halle. Dix-neuf commerçants historiques ont déjà confirmé "
            "leur retour ; cinq places seront attribuées à de jeunes producteurs installés depuis moins de trois ans.",
            "Cette règle ne fait pas l’unanimité. « On nous demande de faire de la place alors que certains d’entre "
            "nous sont là depuis quarante ans », regrette Josiane Curtet, fromagère, qui a obtenu un étal plus petit "
            "que celui qu’elle occupait.",
            "Le maire, Alain Perrollaz, défend un choix assumé : « Un marché qui ne se renouvelle pas est un marché "
            "qui meurt. » Il promet que les horaires resteront inchangés, du mardi au samedi de 7 heures à 13 heures, "
            "avec une ouverture tardive le vendredi jusqu’à 19 heures pendant l’été.",
        ],
    ),
    Art("economie/index.html", "Économie", kind="non_article", hard_case="section-index", section="Économie"),
    Art(
        "environnement/peche-chute-des-feras.html",
        "Les pêcheurs professionnels du lac s’alarment de la chute des prises de féras",
        authors=["Hugo Marchal"], published="2025-01-22", time="06:45",
        section="Environnement", tags=["Pêche", "Lac", "Environnement"],
        caption="Sur le port de Morvaux, les filets restent souvent à quai depuis l’automne.",
        credit="Élodie Sarrazin",
        body=[
            "Ils ne sont plus que onze à vivre de la pêche sur la rive sud, et tous font le même constat : les féras se "
            "font rares. En 2024, les prises déclarées ont reculé de 38 % par rapport à la moyenne des dix années "
            "précédentes, selon les chiffres présentés mardi par la fédération départementale.",
            "Pour Sébastien Jaccoud, pêcheur à Morvaux depuis 1997, la situation n’a jamais été aussi tendue. "
            "« Certains matins, je relève mes filets et il n’y a rien. Je rentre au port avec juste de quoi payer le "
            "gasoil », raconte-t-il.",
            ("h", "Un lac trop propre ?"),
            "Paradoxalement, les scientifiques pointent l’amélioration de la qualité de l’eau. Depuis la modernisation "
            "des stations d’épuration, le lac contient beaucoup moins de phosphore. Le plancton, dont se nourrissent "
            "les féras, s’est raréfié, et les poissons grandissent moins vite.",
            "Le réchauffement des eaux profondes aggrave le phénomène, selon l’hydrobiologiste Marion Achard, qui suit "
            "les populations depuis quinze ans : « Les œufs supportent mal des températures hivernales plus élevées. "
            "Les bonnes années de reproduction deviennent l’exception. »",
            "La fédération demande un soutien financier temporaire et la possibilité de pêcher davantage la perche, "
            "dont les quotas sont jugés trop stricts. L’administration doit rendre sa réponse au printemps, après une "
            "nouvelle campagne de comptage.",
        ],
    ),
    Art(
        "sports/piscine-olympique-financement.html",
        "Piscine olympique : l’intercommunalité vote enfin le financement",
        authors=["Julien Besson"], published="2025-02-27", time="20:10",
        section="Sports", tags=["Piscine", "Intercommunalité", "Natation"],
        caption="La piscine actuelle, construite en 1974, ferme chaque hiver faute de chauffage suffisant.",
        credit="Rémi Vautrin",
        body=[
            "Après trois reports, le conseil communautaire des Deux Rives a voté jeudi soir, par 41 voix contre 12, le "
            "financement d’une piscine olympique couverte à Morvaux. Le chantier doit débuter au début de l’année "
            "prochaine pour une ouverture espérée en 2028.",
            "Le projet, estimé à 27 millions d’euros, prévoit un bassin de cinquante mètres, un bassin d’apprentissage "
            "et une fosse de plongée. Il remplacera la piscine municipale actuelle, vieillissante et fermée chaque "
            "hiver.",
            ("h", "Ce que prévoit le plan de financement"),
            ("ul", ["11 millions d’euros apportés par l’intercommunalité",
                    "8 millions attendus de la région et du département",
                    "4 millions de l’Agence nationale du sport, sous réserve",
                    "4 millions d’emprunt sur vingt-cinq ans"]),
            "Les élus opposés au projet, principalement issus des communes rurales de l’arrière-pays, dénoncent un "
            "équipement « pensé pour la ville centre ». Ils réclamaient en priorité la rénovation de deux petits "
            "bassins d’été, à Montrizel et à Bellecombe-sur-Rive.",
            "Les clubs de natation, eux, saluent une décision attendue depuis quinze ans. « Nos nageurs s’entraînent "
            "dans un bassin de vingt-cinq mètres avec trois lignes pour quatre clubs. On refuse des enfants chaque "
            "rentrée », rappelle Carine Mouthon, présidente des Dauphins des Deux Rives.",
        ],
    ),
    Art(
        "politique/morvaux-budget-2025.txt",
        "Morvaux adopte un budget 2025 sans hausse d’impôts mais avec moins d’investissements",
        authors=["Inès Ferrero"], published="2025-01-30", time="19:40",
        section="Politique", tags=["Morvaux", "Budget", "Conseil municipal"],
        caption="Le conseil municipal a siégé plus de quatre heures dans la salle des Tilleuls, mercredi soir.",
        credit="Élodie Sarrazin",
        body=[
            "Le conseil municipal de Morvaux a adopté mercredi soir son budget primitif pour 2025, par 23 voix contre "
            "6. Les taux de la taxe foncière restent inchangés pour la quatrième année consécutive, une promesse de "
            "campagne que la majorité tenait à respecter.",
            "Pour y parvenir, la commune réduit ses dépenses d’investissement de 2,1 millions d’euros. La rénovation du "
            "gymnase des Tilleuls est reportée à 2026 et l’aménagement de la promenade des Pêcheurs sera réalisé en "
            "deux tranches au lieu d’une.",
            ("h", "Les dépenses de fonctionnement sous pression"),
            "L’adjointe aux finances, Sylvie Orcel, a détaillé une hausse de 7 % des dépenses de fonctionnement, tirée "
            "par l’énergie, les revalorisations salariales et la cantine scolaire, dont le prix du repas n’a pas été "
            "augmenté pour les familles.",
            "L’opposition a voté contre un budget qu’elle juge « en trompe-l’œil ». Son chef de file, Patrice "
            "Dumollard, estime que le report des travaux « ne fait que déplacer la facture sur le prochain mandat » et "
            "réclame un audit des bâtiments communaux.",
            "Le maire a répondu que la commune reste l’une des moins endettées du département et qu’un emprunt sera "
            "envisagé en 2026 si les taux baissent. Le compte administratif de 2024 sera présenté au conseil de juin.",
        ],
    ),
    Art(
        "sports/regate-des-trois-rives.txt",
        "Régate des Trois Rives : un équipage de Brivaz remporte l’édition la plus venteuse depuis vingt ans",
        authors=["Julien Besson"], published="2025-06-16", time="08:20", updated="12:05",
        section="Sports", tags=["Voile", "Régate des Trois Rives", "Brivaz-Plage"],
        caption="Le voilier vainqueur franchit la ligne d’arrivée sous un ciel encore chargé, dimanche après-midi.",
        credit="Rémi Vautrin",
        body=[
            "Des rafales à plus de 35 nœuds, des voiles déchirées et un tiers des bateaux contraints à l’abandon : la "
            "58e Régate des Trois Rives restera dans les mémoires. Elle a été remportée dimanche par l’équipage du "
            "Cercle nautique de Brivaz, mené par le barreur Loïc Favre-Bulle.",
            "Partis de Saint-Oyen-du-Lac samedi à l’aube, les 74 voiliers inscrits devaient rallier Morvaux puis "
            "Brivaz-Plage avant de revenir au point de départ. Le vent de nord-est, annoncé plus modéré, s’est renforcé "
            "dès la fin de matinée.",
            "« On a réduit la toile très tôt, c’est ce qui nous a sauvés », a expliqué Loïc Favre-Bulle à l’arrivée, le "
            "ciré encore trempé. Son équipage a bouclé le parcours en 9 heures et 12 minutes, avec près de vingt "
            "minutes d’avance sur le deuxième.",
            ("h", "Aucun blessé grave"),
            "La société de sauvetage a effectué une quinzaine d’interventions, principalement pour remorquer des "
            "bateaux démâtés. Deux équipiers légèrement blessés ont été pris en charge à Morvaux. Les organisateurs ont "
            "salué le sang-froid des concurrents et des bénévoles postés sur les bouées.",
            "Le classement complet, retardé par plusieurs réclamations, doit être publié mardi sur le site du club "
            "organisateur.",
        ],
    ),
]
