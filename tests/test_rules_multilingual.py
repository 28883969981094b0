"""Boilerplate rules in six languages: chrome lines go, body sentences that share their vocabulary stay.

For each of fr, en, de, es, it, pt: typical chrome lines (cookie banners, consent buttons, newsletter and
subscription pitches, share bars, ads, related links, credits and captions, tags, update stamps, comments
notices, skip links, legal footers) must be removed wherever they appear in the page; sentences of real
articles about cookies (the food), newsletters (the business), sharing a meal or the advertising industry
must be kept, even at the top of the page where header-only rules (bylines, datelines) apply.
"""

from __future__ import annotations

import pytest

from pipeline.boilerplate import strip_boilerplate
from pipeline.models import Block
from pipeline.rules import load_rules

PROSE = {
    "fr": "Le conseil municipal a voté mardi un budget de 12 millions d'euros pour rénover les écoles du quartier "
          "nord, une décision attendue depuis plusieurs années par les parents d'élèves.",
    "en": "The county board voted on Tuesday to spend 12 million dollars on repairs to the north side schools, a "
          "decision parents had been asking for since the roof of the gym started leaking.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, zwölf Millionen Euro in die Sanierung der Schulen im Norden "
          "der Stadt zu investieren, was Eltern seit Jahren gefordert hatten.",
    "es": "El pleno municipal aprobó el martes una inversión de 12 millones de euros para rehabilitar los colegios "
          "del barrio norte, una reclamación histórica de las familias.",
    "it": "Il consiglio comunale ha approvato martedì un investimento di 12 milioni di euro per ristrutturare le "
          "scuole del quartiere nord, una richiesta che i genitori avanzavano da anni.",
    "pt": "A assembleia municipal aprovou na terça-feira um investimento de 12 milhões de euros para renovar as "
          "escolas do bairro norte, uma reivindicação antiga dos pais.",
}

# Lines a page's chrome is made of; each must be removed anywhere on the page (line rules, any zone).
CHROME = {
    "fr": [
        "Ce site utilise des cookies pour mesurer l'audience et vous proposer des publicités adaptées.",
        "Le Courrier de l'Ouest et ses partenaires utilisent des cookies pour, avec votre accord, mesurer "
        "l'audience et personnaliser les annonces.",
        "Tout accepter Tout refuser Personnaliser",
        "Abonnez-vous à notre newsletter quotidienne",
        "Recevez chaque matin l'essentiel de l'actualité régionale.",
        "Je m’inscris",
        "Partager sur les réseaux sociaux Facebook X WhatsApp",
        "Publicité",
        "La suite après cette publicité",
        "Lire aussi : Le marché aux puces déménage place Carnot",
        "Source : Agence France-Presse",
        "Lire l’article original sur Le Journal des Vallées",
        "La statue restaurée a retrouvé sa place sur le parvis. © Julie Marchand / Le Journal",
        "Le quai de la gare, vendredi soir. — Photo : Le Journal des Vallées",
        "Mots-clés : Municipales · Budget · Transports",
        "Mis à jour le 3 mars 2025 à 14h20",
        "Les commentaires sont fermés pour cet article.",
        "Aller au contenu principal",
        "Mentions légales · Politique de confidentialité · Nous contacter",
        "© 2025 Le Journal des Vallées. Tous droits réservés.",
        "Toute reproduction, même partielle, des articles de ce site est interdite.",
        "Suivez-nous sur Instagram et Facebook",
        "Abonnez-vous : 1 € par mois pendant 3 mois Se connecter",
        "Le Petit Courrier, le journal du Val de Loire depuis 1889",
        "Ce texte a été envoyé par une lectrice via notre rubrique participative.",
    ],
    "en": [
        "We use cookies and similar technologies to personalise ads and analyse traffic on our site.",
        "Accept all cookies Reject all Manage preferences",
        "Sign up for our weekly newsletter",
        "Get the best of the week's stories delivered to your inbox every Friday.",
        "Our editors pick the best stories of the week. No spam, unsubscribe anytime.",
        "Share this story Facebook X Email",
        "Advertisement",
        "Read more: Harbor dredging contract goes to local firm",
        "Source: The Valley Courier",
        "Originally published in The Valley Courier",
        "Volunteers sort donations at the food bank on Tuesday. (Photo: Maria Gonzalez / Valley Courier)",
        "Tags: schools, budget, county board",
        "Updated March 4, 2025 at 6:40 p.m.",
        "Comments are closed.",
        "Skip to main content",
        "About · Careers · Privacy · Terms of Use",
        "© 2025 Valley Courier Media. All rights reserved.",
        "Follow us on Instagram and Facebook",
        "Subscribe now for $1 a week",
        "The Valley Courier: news for the valley since 1911",
        "Got a news tip? Email tips@valleycourier.example.",
        "Powered by WordPress",
    ],
    "de": [
        "Wir verwenden Cookies, um Inhalte zu personalisieren und die Nutzung unserer Website zu analysieren.",
        "Der Stadtanzeiger verwendet Cookies, um mit Ihrer Zustimmung Werbung anzuzeigen und die Reichweite zu "
        "messen.",
        "Alle akzeptieren Nur notwendige Cookies Einstellungen",
        "Newsletter abonnieren",
        "Jetzt den kostenlosen Newsletter bestellen und jeden Morgen informiert sein.",
        "Jeden Freitag die wichtigsten Geschichten der Woche – kostenlos per E-Mail.",
        "Artikel teilen: Facebook WhatsApp E-Mail",
        "Anzeige",
        "Lesen Sie auch: Neue Fähre über die Elbe",
        "Quelle: Deutsche Presse-Agentur",
        "Zuerst erschienen im Elbe-Kurier",
        "Die neue Fähre am Anleger in Blankensee. Foto: Jan Peters",
        "Themen: Verkehr, Hafen, Stadtrat",
        "Aktualisiert am 28.01.2025, 21:40 Uhr",
        "Um zu kommentieren, melden Sie sich bitte an.",
        "Zum Inhalt springen",
        "Impressum | Datenschutz | Kontakt",
        "© 2025 Elbe-Kurier Verlag GmbH",
        "Folgen Sie uns auf Instagram und Facebook",
        "Elbe-Kurier Plus testen",
        "Der Elbe-Kurier – Ihre Zeitung für die Region seit 1947",
    ],
    "es": [
        "Utilizamos cookies propias y de terceros para mejorar tu experiencia de navegación y mostrarte "
        "publicidad personalizada.",
        "El Diario del Valle y sus 150 socios utilizamos cookies para almacenar información en tu dispositivo y "
        "medir la audiencia.",
        "Aceptar y continuar Rechazar Más opciones",
        "Suscríbete a nuestro boletín semanal",
        "Recibe cada mañana las noticias de la comarca en tu correo.",
        "Comparte esta noticia en redes sociales",
        "Publicidad",
        "Lee también: El ayuntamiento aprueba el presupuesto de 2025",
        "Fuente: Europa Press",
        "Leer el artículo original en El Diario del Valle",
        "Vecinos durante la procesión del domingo. | FOTO: ANA RUIZ",
        "Temas: Agricultura, Sequía, Regadío",
        "Actualizado el 24/01/2025 - 12:40",
        "Para comentar debes iniciar sesión.",
        "Ir al contenido principal",
        "Aviso legal · Política de cookies · Contacto",
        "© Ediciones del Valle S.L. 2025",
        "Síguenos en Instagram y en nuestro canal de WhatsApp",
        "Hazte suscriptor por 1 € al mes",
        "Queda prohibida la reproducción total o parcial de los contenidos de este diario.",
        "Si no aceptas, puedes suscribirte por 2 € al mes para navegar sin publicidad.",
    ],
    "it": [
        "Questo sito utilizza cookie tecnici e di profilazione di terze parti per inviarti pubblicità in linea "
        "con le tue preferenze.",
        "La Voce del Lago e i suoi partner utilizzano cookie per misurare l'audience e, con il tuo consenso, "
        "mostrarti annunci personalizzati.",
        "Accetta tutti Rifiuta Scopri di più",
        "Iscriviti alla nostra newsletter settimanale",
        "Ogni venerdì il meglio della settimana nella tua casella di posta.",
        "Condividi l'articolo su Facebook X WhatsApp",
        "Pubblicità",
        "Leggi anche: Il nuovo ponte apre a dicembre",
        "Fonte: Ansa",
        "Leggi l’articolo originale su La Voce del Lago",
        "Il sindaco durante l'inaugurazione del ponte. (foto Marco Neri)",
        "Argomenti: Trasporti, Ponte, Comune",
        "Aggiornato il 14/10/2025 alle 16:30",
        "I commenti sono chiusi.",
        "Vai al contenuto principale",
        "Note legali | Privacy policy | Contatti",
        "© 2025 Editoriale del Lago S.r.l.",
        "Seguici su Facebook e Instagram",
        "Abbonati a La Voce digitale",
        "Sostieni il giornalismo locale: abbonati a 1 euro al mese.",
        "Registrazione presso il Tribunale di Como n. 8/1990",
        "Tutti i diritti riservati.",
        "La Voce del Lago, il quotidiano del territorio dal 1946",
    ],
    "pt": [
        "Este site utiliza cookies para melhorar a sua experiência de navegação e personalizar a publicidade.",
        "O Diário do Vale usa cookies para o site funcionar e, com o seu consentimento, medir a audiência.",
        "Aceitar tudo Rejeitar Personalizar",
        "Subscreva a nossa newsletter semanal",
        "Receba todas as manhãs as principais notícias da região no seu e-mail.",
        "Partilhe este artigo Facebook X WhatsApp",
        "Compartilhe",
        "Publicidade",
        "Leia também: Câmara aprova orçamento para 2025",
        "Veja também: Feira do livro bate recorde de visitantes",
        "Fonte: Lusa",
        "Ler o artigo original em Diário do Vale",
        "Pescadores no cais, na terça-feira. (Foto: Rui Costa/Diário do Vale)",
        "Tags: pesca, porto, câmara municipal",
        "Atualizado em 18/08/2025 15:40",
        "Os comentários estão fechados.",
        "Saltar para o conteúdo principal",
        "Estatuto editorial · Política de privacidade · Contactos",
        "© 2025 Diário do Vale. Todos os direitos reservados.",
        "Siga-nos no Instagram e no Facebook",
        "Assine o Diário do Vale por 1,99 € por mês",
        "Texto enviado por uma leitora através do formulário do jornal.",
        "Diário do Vale, o jornal da região desde 1921",
    ],
}

# Openers of a page's tail (related links, most read, comments, paywall): they and what follows go.
TAIL = {
    "fr": ["À lire également", "Les plus lus", "3 commentaires", "Il vous reste 64 % de cet article à lire."],
    "en": ["Related Stories", "Most Read", "Leave a comment", "Subscribe to continue reading"],
    "de": ["Mehr zum Thema", "Das könnte Sie auch interessieren", "Kommentare", "Weiterlesen mit Elbe-Kurier Plus"],
    "es": ["Te puede interesar", "Lo más leído", "Comentarios", "¿Ya eres suscriptor?"],
    "it": ["Potrebbe interessarti", "I più letti", "Commenti", "Questo articolo è riservato agli abbonati"],
    "pt": ["Leia também", "Mais lidas", "Comentários", "Este artigo é exclusivo para assinantes"],
}

# Sentences of real articles that share the chrome's vocabulary: cookies the food, newsletters the
# business, sharing a meal, the advertising industry, subscriptions, "Source", "since 1952"…
BODY = {
    "fr": [
        "Nous utilisons des cookies au beurre salé dans cette recette, explique la pâtissière, car ils restent "
        "croquants plusieurs jours.",
        "La boulangerie utilise des cookies maison pour fidéliser ses clients et ses partenaires, avec un "
        "certain succès.",
        "Le groupe publicitaire utilise des traceurs pour mesurer l'audience de ses annonces, selon un rapport "
        "publié mardi.",
        "S'abonner à une newsletter payante coûte en moyenne 8 euros par mois, selon l'étude.",
        "La newsletter de la start-up lyonnaise compte désormais 40 000 abonnés payants, un record.",
        "Partager un repas avec ses voisins reste la meilleure façon de s'intégrer, estime le maire.",
        "La publicité en ligne a progressé de 12 % l'an dernier, portée par la vidéo et les réseaux sociaux.",
        "Chaque matin, les producteurs reçoivent les cours du lait dans votre boîte mail, comme partout.",
        "Source de fierté pour le village, la fromagerie emploie désormais douze personnes.",
        "Les commentaires sont nombreux sur le projet de tramway, qui divise les habitants.",
        "Toute reproduction des œuvres est interdite sans l'accord des ayants droit, rappelle le musée.",
        "Par ailleurs, le maire a démissionné.",
        "Une boulangerie familiale, ouverte depuis 1952",
        "Publicité et presse : un mariage de raison",
    ],
    "en": [
        "We use cookies from every family recipe we can find, so every visit is a slightly different "
        "experience, said the chair.",
        "Newsletters are a growing business: publishers say subscription revenue from email newsletters doubled "
        "last year.",
        "Sign up for my newsletter, get a free guide: I tried that too. It brought in hundreds of addresses and "
        "almost no readers.",
        "Get the newsletter business right and the money follows, she said.",
        "Readers who subscribe for $5 a month get early access to every issue, the founder said.",
        "Sharing a meal with the neighbours is the best way to settle in, the mayor said.",
        "Advertising revenue at regional papers fell 12 percent last year, the industry group reported.",
        "One email a week is all it takes to keep volunteers informed, Vance said.",
        "Comments from residents were overwhelmingly positive at Tuesday's hearing.",
        "Source of pride: the town's new library opened on Monday with 12,000 books.",
        "Every issue ends with the same line: no spam, unsubscribe anytime.",
        "By the time the council voted, the money was gone.",
        "Built with recycled bricks",
        "Family bakery, open since 1952",
    ],
    "de": [
        "Wir verwenden Cookies aus der Familienbäckerei als Belohnung für die Helfer, sagte die Organisatorin.",
        "Die Bäckerei verwendet Cookies aus eigener Herstellung, sagt ihr Partner.",
        "Newsletter sind ein wachsendes Geschäft: Verlage verdienen mit bezahlten E-Mail-Briefings immer mehr "
        "Geld.",
        "Jeden Morgen erhalten die Mitarbeiter ihre Aufgaben per E-Mail, erklärt der Betriebsleiter.",
        "Themen: Verkehr, Schule und Wohnen standen im Mittelpunkt der Sitzung.",
        "Ein gemeinsames Essen zu teilen, ist für viele Familien das Wichtigste am Feiertag.",
        "Die Werbebranche rechnet für dieses Jahr mit einem Umsatzplus von vier Prozent.",
        "Anzeigen in Regionalzeitungen sind seit Jahren rückläufig.",
        "Von der Brücke aus sieht man den Hafen.",
        "Familienbetrieb seit 1952",
    ],
    "es": [
        "Utilizamos cookies de mantequilla en esta receta, explica la pastelera, porque aguantan crujientes "
        "varios días.",
        "La pastelería y sus socios usan cookies artesanas en todos sus menús de temporada.",
        "Queda prohibida la reproducción de especies protegidas en cautividad, según la nueva ley.",
        "Cada mañana los agricultores reciben los precios de la lonja por correo electrónico.",
        "Compartir mesa con los vecinos es una tradición que se mantiene en el pueblo.",
        "La publicidad en prensa local creció un 3 % el año pasado, según la asociación de editores.",
        "Suscribirse a un boletín de pago cuesta de media 6 euros al mes, según el estudio.",
        "Por la tarde, la lluvia obligó a suspender la feria.",
    ],
    "it": [
        "Utilizziamo cookie al burro in questa ricetta, spiega la pasticciera, perché restano croccanti per "
        "giorni.",
        "La pasticceria usa cookie artigianali e i suoi partner li vendono in tutta la provincia.",
        "Iscriversi a una newsletter a pagamento costa in media 6 euro al mese, secondo lo studio.",
        "Ogni mattina i dipendenti ricevono i turni via email, racconta il direttore.",
        "Condividere un pasto con i vicini resta il modo migliore per integrarsi.",
        "Il mercato della pubblicità locale è cresciuto del 3 % nel 2024.",
        "Gli abbonati a Netflix in Italia sono cresciuti del 10 % in un anno.",
        "Abbonati a Netflix in calo",
        "di cui si parla da anni, il progetto è finalmente partito",
        "Ore 16.30",
    ],
    "pt": [
        "Usamos cookies de manteiga nesta receita, explica a pasteleira, porque ficam estaladiços durante dias.",
        "A pastelaria usa cookies artesanais e os seus parceiros vendem-nos em toda a região.",
        "Assinar uma newsletter paga custa em média 6 euros por mês, segundo o estudo.",
        "Todas as manhãs os agricultores recebem os preços por e-mail, conta o presidente da cooperativa.",
        "Partilhar uma refeição com os vizinhos continua a ser a melhor forma de integração.",
        "O mercado da publicidade local cresceu 3 % em 2024.",
        "Por volta das dez da manhã, a chuva obrigou a suspender a feira.",
        "Siga as indicações dos bombeiros e evite as estradas junto ao rio.",
    ],
}

# A page's header: byline, dateline, reading time become metadata, in each language.
HEADER = {
    "fr": (["Par Jean Dupont et Marie Curie", "Publié le 3 mars 2025 à 10h12", "4 min de lecture"],
           "Jean Dupont et Marie Curie", "4"),
    "en": (["By Jane Doe and John Smith", "Published March 3, 2025", "5 min read"], "Jane Doe and John Smith", "5"),
    "de": (["Von Anna Schmidt und Jonas Weber", "13. März 2025", "Lesezeit: 4 Minuten"],
           "Anna Schmidt und Jonas Weber", "4"),
    "es": (["Por Lucía Ferrán y Diego Amat", "24/01/2025 - 10:05", "Lectura: 3 min"], "Lucía Ferrán y Diego Amat", "3"),
    "it": (["di Marco Ventura e Anna De Luca", "11 aprile 2025, ore 09:15", "Tempo di lettura: 3 minuti"],
           "Marco Ventura e Anna De Luca", "3"),
    "pt": (["Por Inês Carvalho e Rui Tavares", "15 de outubro de 2025", "Leitura: 2 min"],
           "Inês Carvalho e Rui Tavares", "2"),
}

LANGS = sorted(PROSE)


@pytest.fixture(scope="module")
def all_rules():
    return load_rules().rules_for(None)


def _para(text: str) -> Block:
    return Block("paragraph", text)


@pytest.mark.parametrize("lang", LANGS)
def test_chrome_lines_are_removed_anywhere_on_the_page(all_rules, lang):
    prose = PROSE[lang]
    blocks = [_para(prose)]
    for line in CHROME[lang]:
        blocks += [_para(line), _para(prose)]
    res = strip_boilerplate(blocks, all_rules, header_blocks=0)
    kept = [b.text for b in res.blocks]
    leaked = [line for line in CHROME[lang] if line in kept]
    assert leaked == []
    assert kept == [prose] * (len(CHROME[lang]) + 1)
    assert [r.text for r in res.removals] == CHROME[lang]
    assert all(r.rule_id and r.category for r in res.removals)


@pytest.mark.parametrize("lang", LANGS)
def test_tail_openers_drop_the_rest_of_the_page(all_rules, lang):
    prose = PROSE[lang]
    for opener in TAIL[lang]:
        blocks = [_para(prose), _para(opener), Block("list_item", "Un titre quelconque d'article lié"),
                  Block("list_item", "Another related headline")]
        res = strip_boilerplate(blocks, all_rules, header_blocks=0)
        assert [b.text for b in res.blocks] == [prose], opener
        assert res.removals[0].category in ("related", "comments", "paywall"), opener


@pytest.mark.parametrize("lang", LANGS)
def test_body_sentences_with_chrome_vocabulary_are_kept(all_rules, lang):
    for sentence in BODY[lang]:
        # alone at the top of the page (header rules apply) and in the middle of the body
        for blocks, header in (([_para(sentence)], 8), ([_para(PROSE[lang]), _para(sentence), _para(PROSE[lang])], 0)):
            res = strip_boilerplate(blocks, all_rules, header_blocks=header)
            assert res.removals == [], (sentence, [r.rule_id for r in res.removals])
            assert [b.text for b in res.blocks] == [b.text for b in blocks]


@pytest.mark.parametrize("lang", LANGS)
def test_header_byline_dateline_and_reading_time_become_metadata(all_rules, lang):
    lines, author, minutes = HEADER[lang]
    blocks = [_para(line) for line in lines] + [_para(PROSE[lang])]
    res = strip_boilerplate(blocks, all_rules)
    assert [b.text for b in res.blocks] == [PROSE[lang]]
    assert res.captures["author"] == [author]
    assert res.captures["reading_time"] == [minutes]
    assert [r.category for r in res.removals] == ["byline", "dateline", "reading_time"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_byline_in_the_body_is_kept(all_rules, lang):
    byline = HEADER[lang][0][0]
    blocks = [_para(PROSE[lang]), _para(byline), _para(PROSE[lang])]
    res = strip_boilerplate(blocks, all_rules)
    assert byline in [b.text for b in res.blocks]


def test_numeric_dateline_is_not_a_breadcrumb(all_rules):
    blocks = [_para("Accueil > Économie > Entreprises"), _para("10/02/2025 18:00"),
              _para("18/08/2025 09:10 | Atualizado 18/08/2025 15:40"), _para("Home / Education"), _para(PROSE["fr"])]
    res = strip_boilerplate(blocks, all_rules)
    assert [b.text for b in res.blocks] == [PROSE["fr"]]
    assert [r.category for r in res.removals] == ["breadcrumb", "dateline", "dateline", "breadcrumb"]
    assert res.captures["published"] == ["10/02/2025", "18/08/2025"]


def test_a_date_or_a_path_is_never_a_breadcrumb(all_rules):
    breadcrumb = [r for r in all_rules if r.category == "breadcrumb"]
    for text in ("10/02/2025 18:00", "24/01/2025 - 10:05", "2025/02/10", "a/b/c/d", "1/2/3"):
        blocks = [_para(text), _para(PROSE["en"])]
        assert strip_boilerplate(blocks, tuple(breadcrumb)).removals == [], text


def test_several_consent_buttons_on_one_line(all_rules):
    lines = ["Tout accepter Tout refuser", "Accept all Manage choices", "Alle akzeptieren Einstellungen",
             "Aceptar y continuar Rechazar Configurar", "Accetta tutti Rifiuta Personalizza", "Aceito Saber mais"]
    res = strip_boilerplate([_para(PROSE["fr"])] + [_para(x) for x in lines], all_rules, header_blocks=0)
    assert [r.category for r in res.removals] == ["cookie"] * len(lines)


def test_every_language_has_the_full_set_of_categories():
    ids = [r.id for r in load_rules().rules]
    wanted = {"cookie", "newsletter", "related", "share", "ad", "paywall", "comments", "caption", "credit",
              "reading_time", "byline", "dateline", "updated", "tags", "copyright", "legal", "submission",
              "footer", "navigation", "social"}
    rules = load_rules().rules
    for lang in LANGS:
        cats = {r.category for r in rules if r.id.startswith(f"{lang}.")}
        assert wanted <= cats, (lang, sorted(wanted - cats))
    assert len(ids) == len(set(ids))
