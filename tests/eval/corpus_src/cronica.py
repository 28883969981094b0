"""cronica-sur.es — Spanish provincial daily. Chrome in <p>/<div> with hashed classes inside the <article>;
date in <time datetime>, byline in text; text saves keep the "Headline - Crónica Sur" window title."""

from __future__ import annotations

from .common import Art, Chrome, block_html, esc, is_para, num_date, reading_minutes, related_titles, slug

HOST = "cronica-sur.es"
LANG = "es"
NAME = "Crónica Sur"
COOKIE = ("Utilizamos cookies propias y de terceros para analizar el uso del sitio web y mostrarte anuncios "
          "relacionados con tus preferencias a partir de tus hábitos de navegación. Puedes aceptarlas todas, "
          "rechazarlas o configurarlas.")
WALL = ("Crónica Sur y sus 212 socios utilizamos cookies y tecnologías similares para almacenar y acceder a "
        "información en tu dispositivo, mostrar publicidad y contenido personalizados, medir su rendimiento y conocer a "
        "nuestra audiencia. Puedes aceptar, rechazar o personalizar tus preferencias en cualquier momento desde el "
        "enlace «Privacidad» al pie de la página.")


def txt_title(art: Art) -> str:
    return f"{art.title} - Crónica Sur"


def _top(c: Chrome) -> str:
    c("Hazte suscriptor por 1 € el primer mes")
    c("Esquelas")
    return """<div class="cs-7p1">
  <a class="cs-logo" href="/">Crónica Sur</a>
  <a href="/suscripcion">Hazte suscriptor por 1 € el primer mes</a> <a href="/acceso">Iniciar sesión</a>
</div>
<ul class="cs-m">
  <li><a href="/">Portada</a></li><li><a href="/provincia">Provincia</a></li><li><a href="/sucesos">Sucesos</a></li>
  <li><a href="/deportes">Deportes</a></li><li><a href="/cultura">Cultura</a></li><li><a href="/opinion">Opinión</a></li>
  <li><a href="/esquelas">Esquelas</a></li>
</ul>"""


def _bottom(c: Chrome) -> str:
    return f"""<div class="cs-f">
  <p>{c.h("© Crónica Sur Ediciones S.L. 2025")}</p>
  <p>{c.h("Aviso legal · Política de privacidad · Política de cookies · Contacto")}</p>
  <p>{c.h("Queda prohibida la reproducción total o parcial de los contenidos de esta web sin autorización expresa.")}</p>
</div>"""


def render(art: Art, site: list[Art]) -> tuple[str, list[str]]:
    if art.kind == "non_article":
        return _wall(art)
    c = Chrome()
    rel = related_titles(site, art, 4)
    if art.authors:
        byline = "<p>Por " + " y ".join(f"<b>{esc(a)}</b>" for a in art.authors) + "</p>"
        c("Por " + " y ".join(art.authors))
    else:
        byline = f"<p>{c.h('Redacción Crónica Sur')}</p>"
    stamp = f"{num_date(art.published)} - {art.time}"
    tz = "+01:00" if art.published < "2025-03-30" else "+02:00"
    dateline = f'<p><time datetime="{art.published}T{art.time}:00{tz}">{c.h(stamp)}</time>'
    if art.updated:
        dateline += f" · <span>{c.h(f'Actualizado: {num_date(art.published)} - {art.updated}')}</span>"
    dateline += "</p>"
    body: list[str] = []
    paras = 0
    for b in art.body:
        body.append(block_html(b))
        if is_para(b):
            paras += 1
            if paras == 2 and len(art.body) > 3:
                c(f"Leer más: {rel[0]}")
                body.append(f'<p><b>Leer más:</b> <a href="/noticia/1">{esc(rel[0])}</a></p>')
            if paras == 4:
                body.append(f'<div class="cs-q3"><span>{c.h("Publicidad")}</span></div>')
    figure = ""
    if art.caption:
        figure = (f'<div class="cs-img"><img src="/fotos/{slug(art.title)[:30]}.jpg" alt="">\n'
                  f'<p>{c.h(f"{art.caption} | FOTO: {art.credit.upper()}")}</p></div>')
    related = "\n".join(f'  <li><a href="/noticia/r{i}">{c.h(t)}</a></li>' for i, t in enumerate(rel[1:]))
    html = f"""<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} - Crónica Sur</title>
<meta name="description" content="{esc(art.title)}">
</head>
<body>
<div class="cs-k0">
  <p>{c.h(COOKIE)}</p>
  <button>{c.h("Aceptar y continuar")}</button> <button>Rechazar</button> <button>Configurar</button>
</div>
{_top(c)}
<article class="cs-art">
<p class="cs-sec"><a href="/{slug(art.section)}">{esc(art.section)}</a></p>
<h1>{esc(art.title)}</h1>
<div class="cs-fir">
{byline}
{dateline}
<p>{c.h(f"Tiempo de lectura: {reading_minutes(art.body)} min")}</p>
</div>
{figure}
<div class="cs-txt">
{chr(10).join(body)}
<p>{c.h("Únete al canal de Crónica Sur en WhatsApp y recibe las noticias más importantes del día.")}</p>
</div>
<div class="cs-rs"><p>{c.h("Comparte esta noticia")}</p> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Correo</a></div>
<div class="cs-tpi">
<p><b>{c.h("Te puede interesar")}</b></p>
<ul>
{related}
</ul>
</div>
<div class="cs-bol">
<p>{c.h("Recibe cada mañana las noticias de la provincia en tu correo. Apúntate a nuestro boletín gratuito.")}</p>
<p><input type="email" placeholder="Tu correo electrónico"> <button>{c.h("Apuntarme")}</button></p>
</div>
<div class="cs-com">
<p><b>Comentarios</b></p>
<p>{c.h("Para comentar debes estar registrado. Consulta nuestras normas de participación.")}</p>
</div>
</article>
{_bottom(c)}
</body>
</html>
"""
    return html, c.strings


def _wall(art: Art) -> tuple[str, list[str]]:
    c = Chrome()
    html = f"""<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>{esc(art.title)}</title>
</head>
<body>
{_top(c)}
<div class="cs-w1">
<div class="cs-w2">
  <h2>{c.h("Tu privacidad es importante para nosotros")}</h2>
  <p>{c.h(WALL)}</p>
  <p>{c.h("Si no aceptas, puedes suscribirte para navegar sin publicidad personalizada por 1,99 € al mes.")}</p>
  <p>{c.h("Consulta la lista completa de nuestros socios y las finalidades del tratamiento.")}</p>
  <button>{c.h("Aceptar y continuar")}</button> <button>{c.h("Suscribirme")}</button> <button>{c.h("Más opciones")}</button>
</div>
</div>
{_bottom(c)}
</body>
</html>
"""
    return html, c.strings


ARTICLES = [
    Art(
        "provincia/regantes-vega-alta-recorte.html",
        "Los regantes de la Vega Alta aceptan recortar un 20 % el agua para salvar la campaña",
        authors=["Lucía Ferrán", "Diego Amat"], published="2025-03-04", time="08:20", updated="12:05",
        section="Provincia", hard_case="multi-author",
        caption="El embalse de Peñagorda, la semana pasada, con la antigua ermita al descubierto.",
        credit="Sergio Lorca",
        body=[
            "Las comunidades de regantes de la Vega Alta aprobaron ayer, tras una asamblea de más de cinco horas, "
            "reducir un 20 % su consumo de agua durante la campaña de primavera. La medida busca evitar que el "
            "embalse de Peñagorda baje del nivel mínimo antes del verano.",
            "El acuerdo afecta a unas 1.400 explotaciones, en su mayoría de hortalizas y cítricos. Cada comunidad "
            "decidirá cómo repartir el recorte, aunque la junta central recomienda priorizar los cultivos leñosos, que "
            "tardan años en recuperarse si se secan.",
            ("h", "Un embalse al 23 %"),
            "Peñagorda se encuentra al 23 % de su capacidad, el nivel más bajo para un mes de marzo desde 1995. Las "
            "lluvias de otoño apenas se notaron en la cabecera del río y la nieve acumulada en la sierra es muy "
            "inferior a la media.",
            "«Nadie ha votado contento, pero todos sabemos que si no ahorramos ahora, en julio no habrá nada que "
            "repartir», resumió el presidente de la junta central, Andrés Salmerón, al término de la asamblea.",
            "Los agricultores reclaman a la administración ayudas directas para compensar las pérdidas y que se "
            "agilicen las obras de la desaladora de Puerto Serena, que acumulan dos años de retraso.",
        ],
    ),
    Art(
        "cultura/feria-del-libro-velez.html",
        "La Feria del Libro de Vélez del Campo cierra con ventas récord y 60.000 visitantes",
        authors=["Marta Quesada"], published="2025-05-12", time="09:40", section="Cultura",
        caption="Lectores ante las casetas del paseo de la Alameda durante el último fin de semana.",
        credit="Sergio Lorca",
        body=[
            "La 41.ª Feria del Libro de Vélez del Campo cerró el domingo con la mejor cifra de ventas de su historia. "
            "Los 38 expositores, entre librerías y editoriales, vendieron cerca de 52.000 ejemplares, un 12 % más que "
            "el año anterior.",
            "La organización calcula que unas 60.000 personas pasaron por las casetas instaladas en el paseo de la "
            "Alameda durante los diez días de feria. El buen tiempo y la ampliación del horario nocturno los fines de "
            "semana explican buena parte del aumento.",
            ("h", "La novela negra, la más vendida"),
            "Como en ediciones anteriores, la novela negra encabezó las ventas. El autor local Ramiro Castillo firmó "
            "más de 900 ejemplares de su última obra, ambientada en las minas abandonadas de la sierra, y tuvo que "
            "ampliar su turno de firmas dos días seguidos.",
            "También crecieron los libros infantiles y juveniles, impulsados por las visitas escolares organizadas "
            "entre semana. Más de 4.000 alumnos de la comarca participaron en talleres de ilustración y "
            "cuentacuentos.",
            "La comisión organizadora ya estudia trasladar la feria al recinto del antiguo mercado de abastos en 2026, "
            "una propuesta que no convence a todos los libreros, que prefieren el paseo por su tránsito de público.",
        ],
    ),
    Art(
        "provincia/puerto-serena-cruceros.html",
        "Puerto Serena recibirá 46 cruceros este año, el doble que en 2024",
        authors=["Diego Amat"], published="2025-02-17", time="07:50", section="Provincia",
        caption="Un crucero atracado en el muelle de poniente tras su ampliación.", credit="Sergio Lorca",
        body=[
            "El puerto de Puerto Serena recibirá este año 46 escalas de cruceros, más del doble que el año pasado, "
            "según el calendario presentado ayer por la autoridad portuaria. Se espera la llegada de unos 70.000 "
            "pasajeros entre marzo y noviembre.",
            "El aumento se debe a la ampliación del muelle de poniente, terminada en diciembre, que permite atracar a "
            "barcos de hasta 300 metros de eslora. Hasta ahora, los buques de mayor tamaño debían fondear en la bahía "
            "y trasladar a los pasajeros en lanchas.",
            "El ayuntamiento ha preparado un plan para repartir a los visitantes por la comarca:",
            ("ul", ["autobuses lanzadera al casco histórico cada quince minutos",
                    "rutas guiadas a las bodegas de Torre del Ciervo",
                    "un punto de información turística en la nueva terminal",
                    "horario ampliado de los museos los días de escala"]),
            "Los comerciantes del centro celebran la noticia, aunque la asociación vecinal del barrio del Varadero pide "
            "limitar el número de autobuses turísticos en sus calles estrechas. «Queremos visitantes, no atascos», "
            "señala su portavoz, Encarna Villalba.",
            "La autoridad portuaria prevé que la cifra de escalas siga creciendo en 2026, cuando entre en servicio la "
            "nueva estación marítima, con capacidad para gestionar dos barcos a la vez.",
        ],
    ),
    Art("muro-consentimiento.html", "Crónica Sur - Noticias de la provincia", kind="non_article",
        hard_case="consent-wall"),
    Art(
        "breves/corte-agua-almadrava.html",
        "Corte de agua el jueves en el centro de Almadrava por una avería",
        published="2025-06-03", time="13:15", section="Breves", hard_case="brief",
        body=[
            "Aguas de Almadrava cortará el suministro el jueves entre las 9.00 y las 14.00 horas en las calles Real, "
            "Ancha y Cervantes, así como en la plaza del Ayuntamiento, para reparar una tubería dañada.",
            "La empresa situará una cisterna de agua potable junto al mercado municipal durante toda la mañana.",
            "Recomienda a los vecinos afectados cerrar las llaves de paso durante el corte y dejar correr el agua unos "
            "minutos cuando se restablezca el servicio. El ayuntamiento pide disculpas por las molestias.",
        ],
    ),
    Art(
        "provincia/heladas-olivar-joven.txt",
        "Las heladas de enero dañan el 30 % del olivar joven de la Sierra de Almadrava",
        authors=["Lucía Ferrán"], published="2025-01-24", time="10:05", section="Provincia",
        caption="Olivos jóvenes con las hojas quemadas por el frío en una finca de la sierra.", credit="Sergio Lorca",
        body=[
            "Las tres noches de heladas de la semana pasada, con mínimas de hasta siete grados bajo cero, han dañado "
            "cerca del 30 % de las plantaciones jóvenes de olivar en la Sierra de Almadrava, según una primera "
            "estimación de la cooperativa Virgen de la Sierra.",
            "Los árboles adultos han resistido mejor, pero los olivos de menos de cuatro años, plantados en su mayoría "
            "en seto, presentan hojas quemadas y, en algunos casos, la corteza agrietada.",
            ("h", "Una campaña ya corta"),
            "El golpe llega después de una cosecha discreta. La cooperativa molturó este invierno unos 9 millones de "
            "kilos de aceituna, un 15 % menos que la media de los últimos cinco años, por la sequía del verano.",
            "«Hasta la primavera no sabremos cuántos árboles hay que arrancar. Lo que está claro es que algunos "
            "agricultores jóvenes van a perder la inversión de varios años», advierte el gerente de la cooperativa, "
            "Julián Moya.",
            "Las organizaciones agrarias han pedido que la zona sea declarada afectada por adversidades climáticas "
            "para que los productores puedan acceder a ayudas.",
        ],
    ),
    Art(
        "provincia/lonja-subasta-electronica.txt",
        "La lonja de Puerto Serena estrena subasta electrónica y amplía su horario",
        authors=["Diego Amat"], published="2025-04-02", time="08:00", section="Provincia",
        caption="Compradores siguen la subasta en las pantallas de la lonja el pasado lunes.", credit="Sergio Lorca",
        body=[
            "La lonja de Puerto Serena ha dejado atrás la subasta a viva voz. Desde el lunes, el pescado se vende "
            "mediante un reloj electrónico que marca precios descendentes, y los compradores pujan pulsando un mando "
            "desde sus asientos o a través de una aplicación.",
            "La cofradía de pescadores asegura que el sistema es más rápido y transparente. En la primera semana se "
            "subastaron 86 toneladas de pescado, sobre todo boquerón, jurel y pulpo, en la mitad de tiempo que antes.",
            "El cambio permitirá además abrir una segunda subasta por la tarde para los barcos de artes menores, que "
            "hasta ahora tenían que vender su captura al día siguiente, con la consiguiente pérdida de frescura.",
            "No todos están convencidos. Algunos compradores veteranos echan de menos el trato directo. «Aquí se hacían "
            "los negocios mirándose a la cara», lamenta Paco Ibarra, que lleva cuarenta años comprando en la lonja.",
            "La cofradía impartirá cursos gratuitos sobre el uso de la aplicación durante todo el mes de abril.",
        ],
    ),
    Art(
        "deportes/vuelta-sierra-etapa-reina.txt",
        "Álvaro Reche gana la etapa reina de la Vuelta a la Sierra en el alto de Peñagorda",
        authors=["Marta Quesada"], published="2025-04-27", time="19:30", section="Deportes",
        caption="Reche cruza la meta en solitario en el alto de Peñagorda.", credit="Sergio Lorca",
        body=[
            "El corredor local Álvaro Reche se impuso ayer en la etapa reina de la Vuelta a la Sierra, con final en el "
            "alto de Peñagorda, y se colocó líder de la general a falta de una jornada para el final de la prueba.",
            "Reche, de 23 años, atacó a cinco kilómetros de la meta, en el tramo más duro de la subida, con rampas de "
            "hasta el 14 %. Solo el portugués Nuno Vidal pudo seguirle durante unos cientos de metros antes de ceder.",
            "«He subido este puerto cientos de veces entrenando. Sabía exactamente dónde tenía que atacar», explicó el "
            "ganador en meta, rodeado de familiares y vecinos de Torre del Ciervo, su pueblo.",
            "Reche aventaja en la general en 41 segundos a Vidal y en más de un minuto al tercero, el colombiano "
            "Esteban Rojas. La última etapa, un circuito urbano en Vélez del Campo, no presenta dificultades "
            "montañosas.",
            "La organización cifró en más de 8.000 los aficionados que se dieron cita en las cunetas del puerto.",
        ],
    ),
]
