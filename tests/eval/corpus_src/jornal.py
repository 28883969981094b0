"""jornal-da-serra.pt — Portuguese regional weekly-turned-daily. Chrome in <p>/<div>/<small> with hashed
classes inside the <article>; no metadata in the head at all: byline and date only in the text."""

from __future__ import annotations

from .common import Art, Chrome, block_html, esc, is_para, long_date, num_date, reading_minutes, related_titles, slug

HOST = "jornal-da-serra.pt"
LANG = "pt"
NAME = "Jornal da Serra"
COOKIE = ("Este sítio utiliza cookies para melhorar a sua experiência de navegação e para fins estatísticos. Ao "
          "continuar a navegar, está a consentir a sua utilização.")
TXT_BULLET = "-"


def txt_title(art: Art) -> str:
    return f"{art.title} – Jornal da Serra"


def render(art: Art, site: list[Art]) -> tuple[str, list[str]]:
    c = Chrome()
    rel = related_titles(site, art, 4)
    if art.extra.get("long_date"):
        stamp = f"Publicado em {long_date(art.published, 'pt')}, às {art.time}"
    else:
        stamp = f"{num_date(art.published)} {art.time}"
        if art.updated:
            stamp += f" | Atualizado {num_date(art.published)} {art.updated}"
    body: list[str] = []
    paras = 0
    for b in art.body:
        body.append(block_html(b))
        if is_para(b):
            paras += 1
            if paras == 2:
                c(f"Leia também: {rel[0]}")
                body.append(f'<p>Leia também: <a href="/noticia/1">{esc(rel[0])}</a></p>')
            if paras == 4:
                body.append(f'<div class="jds-9c"><small>{c.h("Publicidade")}</small></div>')
    if art.extra.get("submission"):
        body.append(f'<p><em>{c.h(art.extra["submission"])}</em></p>')
    related = "\n".join(f'  <li><a href="/noticia/r{i}">{c.h(t)}</a></li>' for i, t in enumerate(rel[1:]))
    c("Necrologia")
    html = f"""<!DOCTYPE html>
<html lang="pt-PT">
<head>
<meta charset="utf-8">
<title>{esc(art.title)} – Jornal da Serra</title>
</head>
<body>
<div class="jds-top">
  <a href="/" class="jds-l">Jornal da Serra</a>
  <a href="/assinaturas">{c.h("Assine o Jornal da Serra desde 2,99 € por mês")}</a> <a href="/entrar">Entrar</a>
</div>
<div class="jds-mn">
  <a href="/regional">Regional</a> · <a href="/sociedade">Sociedade</a> · <a href="/economia">Economia</a> ·
  <a href="/desporto">Desporto</a> · <a href="/cultura">Cultura</a> · <a href="/opiniao">Opinião</a> · <a href="/necrologia">Necrologia</a>
</div>
<article>
<div class="jds-cat"><a href="/{slug(art.section)}">{esc(art.section)}</a></div>
<h1>{esc(art.title)}</h1>
<p>{c.h("Por " + " e ".join(art.authors))}</p>
<p>{c.h(stamp)}</p>
<p>{c.h(f"Leitura: {reading_minutes(art.body)} min")}</p>
<div class="jds-fig"><img src="/imagens/{slug(art.title)[:30]}.jpg" alt="">
<p>{c.h(f"{art.caption} (Foto: {art.credit}/Jornal da Serra)")}</p></div>
{chr(10).join(body)}
<p>{c.h("Siga o Jornal da Serra nas redes sociais e receba as notícias da região em primeira mão.")}</p>
<div class="jds-p2"><span>{c.h("Partilhe este artigo")}</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">E-mail</a></div>
<div class="jds-vt">
<p><b>{c.h("Veja também")}</b></p>
<ul>
{related}
</ul>
</div>
<div class="jds-nw">
<p>{c.h("Receba a newsletter do Jornal da Serra todas as manhãs no seu e-mail.")}</p>
<p><input type="email" placeholder="O seu e-mail"> <button>{c.h("Subscrever")}</button></p>
</div>
<div class="jds-cm">
<p><b>Comentários</b></p>
<p>{c.h("Os comentários estão sujeitos a moderação. Seja o primeiro a comentar.")}</p>
</div>
</article>
<div class="jds-ft">
<p>{c.h("© Jornal da Serra 2025. Todos os direitos reservados.")}</p>
<p>{c.h("Estatuto editorial · Ficha técnica · Política de privacidade · Contactos")}</p>
</div>
<div class="jds-ck">
<p>{c.h(COOKIE)}</p>
<button>{c.h("Aceito")}</button> <button>{c.h("Saber mais")}</button>
</div>
</body>
</html>
"""
    return html, c.strings


ARTICLES = [
    Art(
        "regional/vindima-antecipada-vale-de-souto.html",
        "Calor antecipa a vindima no Vale de Souto e preocupa produtores",
        authors=["Inês Carvalho", "Rui Tavares"], published="2025-08-18", time="09:10", updated="15:40",
        section="Regional", hard_case="multi-author",
        caption="Trabalhadores na vindima numa quinta de Ribeira de Souto, na segunda-feira.", credit="Nuno Queirós",
        body=[
            "A vindima começou esta semana no Vale de Souto, quase três semanas mais cedo do que é habitual. As "
            "temperaturas elevadas de julho aceleraram a maturação das uvas e obrigaram muitos produtores a chamar os "
            "trabalhadores à pressa.",
            "Na Adega Cooperativa de Ribeira de Souto, que recebe uvas de cerca de 600 associados, os primeiros camiões "
            "chegaram na segunda-feira. O presidente, Armando Lopes, admite que nunca viu uma vindima começar tão "
            "cedo.",
            ("h", "Menos uva, mais açúcar"),
            "A produção deverá ficar cerca de 15 % abaixo da do ano passado, sobretudo nas vinhas mais expostas ao sol, "
            "onde alguns cachos secaram. Em contrapartida, o teor de açúcar é elevado, o que pode resultar em vinhos "
            "com mais álcool.",
            "«Temos de repensar as castas e a forma como conduzimos a vinha. O clima já não é o dos nossos avós», diz a "
            "enóloga Catarina Morais, que trabalha com vários produtores da região.",
            "A falta de mão de obra continua a ser outro problema. Muitos produtores recorrem a trabalhadores vindos de "
            "fora do país, alojados em instalações improvisadas nas quintas.",
        ],
    ),
    Art(
        "regional/prevencao-incendios-vila-nova.html",
        "Vila Nova da Serra contrata sapadores e abre 40 km de faixas contra incêndios",
        authors=["Rui Tavares"], published="2025-04-15", time="11:25", section="Regional",
        caption="Máquinas a abrir uma faixa de proteção junto à estrada de Penedo Alto.", credit="Nuno Queirós",
        body=[
            "A Câmara Municipal de Vila Nova da Serra vai investir 1,1 milhões de euros na prevenção de incêndios este "
            "ano. O plano, aprovado por unanimidade na reunião de executivo, prevê a contratação de uma nova equipa de "
            "sapadores florestais e a abertura de faixas de gestão de combustível.",
            "O concelho perdeu cerca de 3.000 hectares de floresta no grande incêndio de 2022, que destruiu também onze "
            "habitações. Desde então, a autarquia tem apostado na limpeza dos terrenos junto às aldeias.",
            "As principais medidas do plano são:",
            ("ul", ["40 quilómetros de faixas de proteção à volta de aldeias e estradas",
                    "uma equipa de cinco sapadores a trabalhar todo o ano",
                    "apoio à compra de cabras para pastoreio em terrenos abandonados",
                    "três novos pontos de água para os meios aéreos"]),
            "O presidente da câmara, Joaquim Pereira, lembra que a maior parte do território é privado e que os "
            "proprietários têm até 30 de abril para limpar os seus terrenos. «Depois dessa data, a câmara "
            "substitui-se aos proprietários e envia-lhes a conta», avisa.",
        ],
    ),
    Art(
        "sociedade/aldeia-das-lajes-xisto.html",
        "Aldeia das Lajes recupera casas de xisto e volta a ter crianças",
        authors=["Francisco Amaral"], published="2025-06-07", time="08:00", section="Sociedade",
        extra={"submission": "Texto enviado por um leitor através do espaço «O Seu Jornal». A redação verificou as "
                             "informações antes da publicação."},
        caption="Casas de xisto recuperadas na rua principal da Aldeia das Lajes.", credit="Francisco Amaral",
        body=[
            "Há dez anos, a Aldeia das Lajes tinha nove habitantes, todos com mais de setenta anos. Hoje tem trinta e "
            "dois, e entre eles há seis crianças, que todas as manhãs apanham a carrinha da escola junto ao lavadouro.",
            "A mudança começou quando a junta de freguesia comprou três casas de xisto em ruínas e as arrendou a preços "
            "baixos a famílias jovens, com a condição de as recuperarem. Outras casas seguiram o exemplo, recuperadas "
            "por emigrantes regressados e por novos moradores vindos das cidades.",
            "Hoje a aldeia tem uma pequena padaria, aberta ao fim de semana, e uma associação que organiza caminhadas "
            "pelos trilhos da serra. No verão, a antiga eira transforma-se em palco de concertos.",
            "«Quando cheguei, diziam-me que eu ia desistir ao fim de um inverno. Já passaram seis», conta Sofia "
            "Antunes, que trocou a cidade pela aldeia e trabalha a partir de casa como tradutora.",
            "Os moradores pedem agora melhor cobertura de rede móvel e um transporte regular até à sede de concelho.",
        ],
    ),
    Art(
        "economia/queijo-penedo-alto-certificacao.html",
        "Queijeiros de Penedo Alto pedem certificação para o queijo de ovelha curado",
        authors=["Inês Carvalho"], published="2025-03-12", time="10:30", section="Economia",
        hard_case="date-in-text", extra={"long_date": True},
        caption="Queijos em cura numa queijaria artesanal de Penedo Alto.", credit="Nuno Queirós",
        body=[
            "Os produtores de queijo de Penedo Alto entregaram esta semana o pedido de certificação do seu queijo de "
            "ovelha curado como produto de denominação de origem. O processo, preparado durante três anos, conta com o "
            "apoio da câmara municipal e da associação de criadores.",
            "São atualmente catorze as queijarias artesanais do concelho, que produzem em conjunto cerca de 90 "
            "toneladas de queijo por ano. O leite vem de rebanhos de ovelhas que pastam nos lameiros da serra entre "
            "outubro e maio.",
            ("h", "Uma receita com regras"),
            "O caderno de especificações define a raça das ovelhas, o tipo de coalho, vegetal, obtido a partir da flor "
            "do cardo, e um período mínimo de cura de 45 dias. Fica proibida a utilização de leite pasteurizado.",
            "«Há queijos à venda nas feiras com o nome da nossa terra que não são feitos aqui. A certificação é a única "
            "forma de proteger quem trabalha bem», explica Manuel Fidalgo, presidente da associação de queijeiros.",
            "A decisão final cabe às autoridades nacionais e europeias e deverá demorar pelo menos dois anos.",
        ],
    ),
    Art(
        "sociedade/transporte-escolar-atrasos.html",
        "Pais de Ribeira de Souto denunciam atrasos no transporte escolar",
        authors=["Marta Rebelo"], published="2025-10-03", time="07:45", section="Sociedade",
        caption="Alunos à espera do autocarro na paragem de Souto de Cima.", credit="Nuno Queirós",
        body=[
            "Os pais dos alunos das aldeias de Ribeira de Souto queixam-se de atrasos diários no transporte escolar "
            "desde o início do ano letivo. Em várias manhãs, segundo relatam, as crianças chegaram à escola depois do "
            "toque de entrada e perderam parte da primeira aula.",
            "O problema começou com a mudança de operador. A nova empresa, contratada pela câmara após concurso "
            "público, reduziu de três para dois os autocarros que fazem o circuito das aldeias, o que obrigou a "
            "alongar o percurso.",
            "«O meu filho sai de casa às sete e um quarto e chega à escola às nove e dez. São quase duas horas dentro de "
            "um autocarro», diz Helena Marques, mãe de um aluno do quinto ano.",
            "A câmara reconhece as falhas e garante que já notificou a empresa. O vereador da educação, Paulo Couto, "
            "promete que um terceiro autocarro voltará a circular até ao fim do mês e admite aplicar as multas "
            "previstas no contrato.",
        ],
    ),
    Art(
        "economia/feira-do-fumeiro-recorde.txt",
        "Feira do Fumeiro de Penedo Alto bate recorde de vendas",
        authors=["Rui Tavares"], published="2025-02-10", time="18:00", section="Economia",
        caption="Enchidos expostos numa das bancas do pavilhão municipal.", credit="Nuno Queirós",
        body=[
            "A 28.ª Feira do Fumeiro de Penedo Alto terminou no domingo com um recorde de vendas. Os 64 expositores "
            "venderam enchidos, presuntos, queijos e mel num valor estimado de 1,3 milhões de euros, mais 10 % do que "
            "na edição anterior.",
            "Durante os três dias do certame, passaram pelo pavilhão municipal cerca de 45 mil visitantes, muitos deles "
            "vindos de Espanha. Os parques de estacionamento ficaram cheios logo na manhã de sábado.",
            "Os produtores destacam a procura pelas alheiras e pelos salpicões, que esgotaram em várias bancas antes do "
            "fim da feira. «Trouxe o dobro do ano passado e mesmo assim não chegou», conta Albertina Gomes, produtora "
            "da Aldeia das Lajes.",
            "A câmara municipal quer agora ampliar o pavilhão para receber mais expositores e estuda a criação de um "
            "selo de qualidade para os enchidos do concelho.",
            "A próxima edição já tem data marcada para o segundo fim de semana de fevereiro de 2026, e a organização "
            "promete mais espaço para os pequenos produtores das aldeias.",
        ],
    ),
    Art(
        "regional/barragem-vale-escuro-cota-maxima.txt",
        "Barragem de Vale Escuro atinge a cota máxima pela primeira vez em sete anos",
        authors=["Inês Carvalho"], published="2025-04-03", time="12:15", section="Regional",
        caption="As comportas da barragem de Vale Escuro abertas na terça-feira.", credit="Nuno Queirós",
        body=[
            "A barragem de Vale Escuro atingiu esta semana a sua cota máxima, algo que não acontecia desde 2018. As "
            "chuvas intensas de março encheram a albufeira, que no final do verão passado estava abaixo de metade da "
            "capacidade.",
            "A empresa que gere a barragem abriu as comportas na terça-feira para descarregar o excesso de água, um "
            "espetáculo que atraiu dezenas de curiosos ao miradouro junto ao paredão.",
            "Para os agricultores do vale, a notícia é boa. A albufeira abastece o regadio de cerca de 2.000 hectares, "
            "sobretudo de milho e pomares, e garante também a água da rede pública de três concelhos.",
            "A proteção civil pede, no entanto, cuidado a quem circula junto ao rio a jusante da barragem, onde o "
            "caudal pode subir rapidamente durante as descargas.",
            "As descargas deverão prolongar-se até ao fim da semana, dependendo da chuva prevista para os próximos "
            "dias. Os técnicos garantem que a estrutura da barragem está em perfeitas condições.",
        ],
    ),
    Art(
        "desporto/academico-vence-derbi.txt",
        "Académico da Serra vence dérbi em Penedo Alto e assume a liderança",
        authors=["Tiago Saraiva"], published="2025-11-24", time="09:30", section="Desporto",
        caption="Bruno Teixeira festeja o golo da vitória do Académico.", credit="Nuno Queirós",
        body=[
            "O Académico da Serra venceu no domingo o Penedo Alto Futebol Clube por 2-1, num dérbi disputado perante "
            "mais de mil espetadores, e passou a liderar isolado o campeonato distrital a seis jornadas do fim.",
            "Os visitantes marcaram primeiro, aos 23 minutos, num livre direto do médio Nélson Faria. O Penedo Alto "
            "empatou pouco depois do intervalo, mas o avançado Bruno Teixeira deu a vitória ao Académico a dez minutos "
            "do fim, de cabeça, após um canto.",
            "O jogo ficou marcado por alguma tensão nas bancadas, que obrigou a polícia a intervir durante alguns "
            "minutos na segunda parte. Não houve feridos nem detenções.",
            "«Foi um jogo à antiga, com muita entrega. Os meus jogadores mereceram», disse o treinador do Académico, "
            "Jorge Valente, no final da partida.",
            "Na próxima jornada, o Académico recebe o Ribeira de Souto, atual terceiro classificado, enquanto o Penedo "
            "Alto se desloca ao campo do último da tabela, onde precisa de vencer para não perder o contacto com a "
            "frente.",
        ],
    ),
]
