"""Refusals of topics the strategies never mention: however similar the passages, a rewording
that keeps the unseen word, a common word modifying the topic, or a compound one of whose words
the strategies use once in another sense (kb.answers.refusal)."""

from dataclasses import replace

from tests.hit_support import hit


def test_a_topic_the_strategies_never_mention_is_refused_however_similar_its_passages():
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    texts = ["Wyvern will develop perpetrator programmes with partners.",
             "Victims will get support from the IDVA service.",
             "The strategy sets out our priorities for the next three years.",
             "Employers will be offered training to spot domestic abuse among staff."]
    idf = idf_table(texts)
    strategy = hit(texts[2], similarity=0.3)
    training = hit(texts[3], similarity=0.3)

    def reason(question, hits, similarity=0.3):
        return uncovered_reason(question, [replace(h, similarity=similarity) for h in hits],
                                0.15, resolver, (), idf)

    # passages past the similarity floor that share only the scaffolding ("strategy")
    assert reason("What does the Wyvern strategy say about potholes?", [strategy]) == (
        "no passage is about 'potholes'")
    assert reason("How is Wyvern tackling fly-tipping?", [strategy]) == (
        "no passage is about 'fly-tipping'")
    # a passage that holds the rest of the topic answers, and so does one as similar as a
    # paraphrase; a question whose topic words the strategies all use is not judged here
    assert reason("How will Wyvern help bosses spot abuse among their staff?", [training]) == ""
    assert reason("What will Wyvern do for landlords?", [training], similarity=0.45) == ""
    assert reason("What will Wyvern do for landlords?", [training]) == (
        "no passage is about 'landlords'")
    # the strategies' word for an everyday one holds it ("businesses": employers)
    assert reason("What will Wyvern do for businesses?", [training]) == ""
    assert reason("What will Wyvern do for businesses?", [strategy]) == (
        "no passage is about 'businesses'")
    assert reason("What will Wyvern do for victims?", [strategy]) == ""
    # a passage that holds the rest of the topic ("crime") answers the rest, not the unseen
    # word, when the word makes the question less like it ("vehicle crime")
    crime = hit("Crime in Wyvern fell last year, and domestic abuse crime with it.", similarity=0.5)
    idf_crime = idf_table([*texts, crime.text])

    def with_unseen(question, full, without):
        return uncovered_reason(question, [crime], 0.15, resolver, (), idf_crime,
                                similarities=lambda queries, found: [
                                    [full if query == question else without] * len(found)
                                    for query in queries])

    assert with_unseen("What will Wyvern do about vehicle crime?", 0.45, 0.55) == (
        "no passage is about 'vehicle'")
    assert with_unseen("What will Wyvern do about vehicle crime?", 0.52, 0.50) == ""
    # a word for a document and a year are not what the question is about
    assert with_unseen("What did the Wyvern deck say about crime?", 0.45, 0.55) == ""
    # one of the most frequent words of English is no sign of another subject
    assert reason("How will Wyvern let employers spot abuse?", [training]) == ""
    assert reason("How will Wyvern let us recycle more?", [strategy]) == (
        "no passage is about 'recycle'")


def _reason_beside(question: str, passage: str, phrase: str, alone: float) -> str:
    """Why a question over one Wyvern passage (0.5 similar) is refused ('' when it is not),
    the `phrase` on its own `alone` like the passage and anything else asked 0.45 like it."""
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    idf = idf_table([passage, "Victims will get support from the IDVA service.",
                     "Employers will be offered training to spot abuse among staff."])

    def similarities(queries, found):
        return [[alone if query == phrase else 0.45] * len(found) for query in queries]
    return uncovered_reason(question, [hit(passage, similarity=0.5)], 0.15, resolver, (), idf,
                            similarities=similarities)


def test_an_unseen_word_that_modifies_a_topic_word_needs_a_passage_like_the_two_together():
    """"road safety" is not answered by "a place of safety": a word the strategies never use
    that modifies one they do ("about road safety") names another subject, which a top passage
    must be as like as a paraphrase is, however little the word moves the whole question."""
    from kb.answers.about import TOPIC_SIMILARITY

    safety = "Wyvern will help victims to live in a new place of safety."

    def reason(question, pair_alone):
        return _reason_beside(question, safety, "road safety", pair_alone)

    assert reason("What will Wyvern do about road safety?", TOPIC_SIMILARITY - 0.1) == (
        "no passage is about 'road'")
    assert reason("What will Wyvern do about road safety?", TOPIC_SIMILARITY + 0.1) == ""
    # … after a verb that acts on what follows, as after a preposition
    assert reason("How will Wyvern improve road safety?", TOPIC_SIMILARITY - 0.1) == (
        "no passage is about 'road'")
    # an unseen word that modifies nothing the strategies use is judged as before
    assert reason("How will Wyvern keep victims safe on the road?", TOPIC_SIMILARITY - 0.1) == ""


def test_an_unseen_word_modified_by_a_topic_word_needs_a_passage_like_the_two_together():
    """"youth unemployment" is not answered by support for young people: an unseen head word
    that a word the strategies use modifies ("for youth unemployment") names another subject."""
    from kb.answers.about import TOPIC_SIMILARITY

    def reason(pair_alone):
        return _reason_beside("What is the Wyvern plan for youth unemployment?",
                              "Wyvern will fund youth workers to support young people.",
                              "youth unemployment", pair_alone)

    assert reason(TOPIC_SIMILARITY - 0.1) == "no passage is about 'unemployment'"
    assert reason(TOPIC_SIMILARITY + 0.1) == ""
    # an adverb before a verb's form is no compound ("routinely asking"): how, not what
    from kb.answers.compounds import modified_by

    idf = {"routin": 3.0, "patient": 4.0, "abus": 0.5, "youth": 2.0}
    asked = "What does Wyvern say about routinely asking patients about abuse?"
    assert modified_by(asked, {"ask"}, {"routin", "ask", "patient", "abus"}, idf) == []
    assert modified_by("What about youth asking for help?", {"ask"}, {"youth", "ask"}, idf) == [
        "youth asking"]


def test_an_unseen_word_that_a_verb_acts_on_is_the_whole_subject():
    """"How does Wyvern support veterans?": "support" says what is done about the veterans, so
    a passage as like the whole question (by "support") does not answer; one as like
    "veterans" alone, as a paraphrase is, does."""
    from kb.answers.about import TOPIC_SIMILARITY

    def reason(question, alone):
        return _reason_beside(question, "Wyvern will support victims with a range of needs.",
                              "veterans", alone)

    assert reason("How does Wyvern support veterans?", TOPIC_SIMILARITY - 0.1) == (
        "no passage is about 'veterans'")
    assert reason("How does Wyvern support veterans?", TOPIC_SIMILARITY + 0.1) == ""
    # a topic word the verb does not act on is a subject of its own, judged as before
    assert reason("How does Wyvern support victims who are veterans?",
                  TOPIC_SIMILARITY - 0.1) == ""


def test_a_rewording_that_keeps_the_unseen_word_does_not_answer_for_it():
    """"knife crime among teenagers" reworded as "… among young people" still asks about
    knives: a passage on young people's crime answers the rewording's other words, not the
    word no strategy uses, which is judged as if there were no rewording."""
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    crime = hit("Wyvern will reduce crime among young people through youth outreach.",
                similarity=0.5)
    idf = idf_table([crime.text, "Victims will get support from the IDVA service.",
                     "Employers will be offered training to spot abuse among staff.",
                     "Teenagers can call the helpline."])

    def reason(question, full, without):
        return uncovered_reason(question, [crime], 0.15, resolver, (), idf,
                                similarities=lambda queries, found: [
                                    [full if query == question else without] * len(found)
                                    for query in queries])

    question = "How will Wyvern reduce knife crime among teenagers?"
    assert reason(question, 0.45, 0.55) == "no passage is about 'knife'"
    assert reason(question, 0.52, 0.50) == ""  # the word makes the question more like it
    assert reason("How will Wyvern reduce crime among teenagers?", 0.45, 0.55) == ""


def test_a_common_word_modifying_the_topic_and_a_topic_only_the_frame_is_like_are_refused():
    """"hate crime": one of the most frequent words of English is the subject when it modifies
    a topic word the strategies use ("about hate crime"), not when it follows one ("the nine
    things") or is a verb ("Does Wyvern hope domestic abuse crime fell…?").
    "revenge porn": when the strategies use none of the topic's words, a passage as like the
    question as a paraphrase is must be so like those words on their own, not by the frame
    ("What does the Wyvern strategy say about …")."""
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    crime = hit("Crime in Wyvern fell last year, and domestic abuse crime with it.")
    aims = hit("Nine aims: things Wyvern wants are safer homes and fewer repeat victims.")
    frame = hit("The Wyvern strategy sets out what partners will do over three years.",
                similarity=0.45)
    idf = idf_table([crime.text, aims.text, frame.text,
                     "Victims of crime will get support from the IDVA service.",
                     "Crime and disorder partners sit on the board."])

    def reason(question, hits, other=0.2):
        """`other`: the passages' similarity to the question without its unseen words, and
        to those words on their own (0.45 to the question)."""
        return uncovered_reason(question, hits, 0.15, resolver, (), idf,
                                similarities=lambda queries, found: [
                                    [other if query != question else 0.45] * len(found)
                                    for query in queries])

    # the passages are more like the question without 'hate': they answer "crime"
    assert reason("What does the Wyvern strategy say about hate crime?", [crime],
                  other=0.55) == "no passage is about 'hate'"
    assert reason("Set out the nine things Wyvern wants from its strategy.", [aims],
                  other=0.55) == ""
    assert reason("Does Wyvern hope domestic abuse crime fell last year?", [crime], other=0.55) == ""
    assert reason("What does the Wyvern strategy say about revenge porn?", [frame]) == (
        "no passage is about 'revenge', 'porn'")
    # a passage like the topic's words on their own is a paraphrase of them
    assert reason("What does the Wyvern strategy say about revenge porn?", [frame],
                  other=0.45) == ""
    # a word asking for a kind of passage is not the topic: the strategies use none of it
    targets = hit("Wyvern's targets: fewer repeat victims and more referrals.", similarity=0.45)
    assert reason("What are Wyvern's targets for revenge porn?", [targets]) == (
        "no passage is about 'revenge', 'porn'")


def test_a_compound_one_of_whose_words_the_strategies_use_once_in_another_sense_is_refused():
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    climate = hit("The strategy recognises the current economic climate and austerity.")
    change = hit("Perpetrators will be offered programmes to change their behaviour.")
    housing = hit("Victims will get help with housing when they leave a refuge.")
    texts = [climate.text, change.text, housing.text,
             "Victims will get support from the IDVA service.",
             "Schools will teach healthy relationships and change attitudes."]

    def reason(question, hits, similarity=0.3, corpus=texts):
        return uncovered_reason(question, [replace(h, similarity=similarity) for h in hits],
                                0.15, resolver, (), idf_table(corpus))

    # 'climate' is used once, in another sense, and never beside 'change'
    assert reason("What does Wyvern say about climate change?", [climate, change]) == (
        "no passage is about 'climate change'")
    # a passage as similar as a paraphrase answers; so does one writing the two together
    assert reason("What does Wyvern say about climate change?", [climate, change],
                  similarity=0.45) == ""
    tackled = hit("Wyvern will tackle climate change in its estates.")
    assert reason("What does Wyvern say about climate change?", [tackled, change],
                  corpus=[*texts, tackled.text]) == ""
    assert reason("What does Wyvern say about behaviour change?", [change]) == ""
    assert reason("What will Wyvern do about refuge housing?", [housing]) == ""
    # a compound of words the strategies use more than once is left to the other checks
    assert reason("What does Wyvern say about changing victims?", [housing]) == ""
    # … and so is a name and what it names ("the Karma Nirvana … helpline"): a name is
    # checked as a specific term
    helpline = hit("Wyvern is among the top callers to the Karma Nirvana 'honour-based' abuse "
                   "helpline.")
    assert reason("What is the Karma Nirvana helpline?", [helpline],
                  corpus=[*texts, helpline.text]) == ""
    # a comma parts two words: "the IDVA service, per Wyvern" is no compound 'service per'
    idva = hit(texts[3])
    assert reason("What will victims get from the IDVA service, per Wyvern?", [idva],
                  corpus=[*texts, "Advocates visit twice per year."]) == ""
    # an officer's everyday phrase for the strategies' word is theirs to write otherwise:
    # "armed forces" of a strategy that writes "military" (vocabulary [synonyms])
    armed = hit("An armed response unit attends high risk calls.")
    forces = hit("Police forces will share data with the IDVA service.")
    military = hit("Campaigns will reach military, traveller and rural communities.")
    assert reason("What does Wyvern say about armed forces families?", [military, armed, forces],
                  corpus=[*texts, armed.text, forces.text, military.text]) == ""
    # … nor is a compound of one of that phrase's words: "alcohol and drug treatment" is
    # substance misuse treatment, whatever "drug" means in the strategy's one use of it
    drugs = hit("Victims are nine times more likely to misuse drugs.")
    treatment = hit("Controlling substance abuse reduced violent incidents after a combined "
                    "treatment programme.")
    assert reason("What does Wyvern say about alcohol and drug treatment?", [drugs, treatment],
                  corpus=[*texts, drugs.text, treatment.text, "Treatment is offered to all."]
                  ) == ""
    assert reason("What does Wyvern say about drug treatment?", [drugs, treatment],
                  corpus=[*texts, drugs.text, treatment.text, "Treatment is offered to all."]
                  ) == "no passage is about 'drug treatment'"
    # a year is checked as a specific term: "event 2031 report" holds no compound '2031 report'
    reported = hit("Prevention work reported at the launch event: a booklet was sent to every "
                   "household in Wyvern during 2031.")
    assert reason("What prevention work did the launch event 2031 report?", [reported],
                  corpus=[*texts, reported.text]) == ""
    # a word of everyday English before another is a verb or pronoun of the question's
    # frame, not a compound's first word, unless it modifies it ("about hate crime")
    sure = hit("We are not sure how many victims never come forward.")
    staff = hit("Staff will be trained to respond when a victim discloses abuse.")
    assert reason("How will Wyvern make sure staff know what to do when someone discloses?",
                  [staff], corpus=[*texts, sure.text, staff.text,
                                   "Someone in every team will make referrals."]) == ""
    # a pair whose last word only says what is done is no compound: "working countywide
    # made sense" names no 'countywide made'
    countywide = hit("Wyvern runs a countywide helpline, and partners work together on it.")
    made = hit("Referrals were made by schools and by the police.")
    assert reason("Did Wyvern think working countywide made sense?", [countywide, made],
                  corpus=[*texts, countywide.text, made.text]) == ""


def test_a_subject_the_named_council_never_mentions_is_refused_though_another_does(tmp_path):
    """"How does Wyvern support farmers?": Calder writes of farmers and Wyvern never does, so
    the corpus's words are no guide (over many councils nearly every word is somebody's);
    what Wyvern's documents use is. A word that is not the whole subject ("annual" of "the
    annual cost") is left to the other checks."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    wyvern = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nSupport\n\nWe will support victims "
              "and their children through the Wyvern outreach service, and work with schools."
              "\n\nCost\n\nDomestic "
              "abuse costs Wyvern an estimated £20 million.\n")
    calder = ("Calder Vale Domestic Abuse Strategy 2022-2025\n\nFarmers\n\nWe will support "
              "farmers who are abused by their partners on isolated farms, with an annual review."
              "\n\nRural areas\n\nFarmers and farm workers are often far from help.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": wyvern, "calder.txt": calder}, WYVERN_AND_CALDER)
    refused = kb.ask("How does Wyvern support farmers?")
    assert not refused.found
    assert "no passage in the documents of Wyvern is about 'farmers'" in refused.text
    assert kb.ask("How does Calder support farmers?").found
    assert kb.ask("What is the estimated annual cost of domestic abuse in Wyvern?").found
    # the question's everyday frame ("want … to do") says nothing of its subject
    framed = kb.ask("What does Wyvern want farmers to do?")
    assert not framed.found
    assert "no passage in the documents of Wyvern is about 'farmers'" in framed.text
    assert kb.ask("What does Calder want farmers to do?").found
    # … nor does how it asks Wyvern to relate to it ("work with")
    related = kb.ask("Does Wyvern work with farmers?")
    assert not related.found
    assert "no passage in the documents of Wyvern is about 'farmers'" in related.text
    assert kb.ask("Does Calder work with farmers?").found


def test_the_ordinal_that_calls_a_section_is_no_subject_the_strategies_must_use(tmp_path):
    """"What is Wyvern's fourth priority?": no document writes "fourth"; the word calls its
    Priority 4 by number, as "priority 4" does, and says nothing of what it is about."""
    from tests.corpus_support import corpus_kb

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nOur priorities\n\nPriority 1 – Early "
            "identification\nPriority 2 – Effective support\nPriority 3 – Pursuing perpetrators"
            "\nPriority 4 – Strong partnership working\n\nKey actions\n\n- Launch a champions "
            "network in GP surgeries.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": text})
    answer = kb.ask("What is Wyvern's fourth priority?")
    assert answer.found
    assert "Strong partnership working" in answer.text


def test_an_acronym_the_named_council_never_writes_in_any_form_is_refused(tmp_path):
    """"Does Wyvern have a MASH?": Calder's glossary knows the acronym, so it is no unknown
    name; Wyvern's documents write it neither as "MASH" nor spelled out, so none answers for
    Wyvern. A council that writes only the long form answers for it."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    wyvern = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nSafeguarding\n\nWe will refer "
              "children at risk to children's social care and review safeguarding referrals "
              "every quarter.\n")
    calder = ("Calder Vale Domestic Abuse Strategy 2022-2025\n\nSafeguarding\n\nThe MASH "
              "screens every safeguarding referral about a child within a day.\n\nGlossary\n\n"
              "MASH - Multi-Agency Safeguarding Hub\nIDVA - Independent Domestic Violence "
              "Advisor\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": wyvern, "calder.txt": calder}, WYVERN_AND_CALDER)
    refused = kb.ask("How does Wyvern use its MASH for safeguarding referrals?")
    assert not refused.found
    assert "no passage in the documents of Wyvern names 'MASH'" in refused.text
    assert kb.ask("How does Calder Vale use its MASH for safeguarding referrals?").found
    spelled = wyvern.replace("children's social care", "the Multi-Agency Safeguarding Hub")
    (tmp_path / "spelled").mkdir()
    kb = corpus_kb(tmp_path / "spelled", {"wyvern.txt": spelled, "calder.txt": calder},
                   WYVERN_AND_CALDER)
    assert kb.ask("How does Wyvern use its MASH for safeguarding referrals?").found


def test_a_wishing_word_the_named_area_never_writes_is_no_subject(tmp_path):
    """"Under Wyvern's Partnership aim, what outcomes are expected?" asks for outcomes; that
    Wyvern never writes "expected" (Calder does) takes nothing off its subject."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nPartnership\n\nOutcomes\n\n"
                      "- Partners share one risk assessment and one referral route.\n"
                      "- Every agency has a domestic abuse lead.\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nPrevention\n\nWe expect "
                      "every school to teach healthy relationships.\n"},
        WYVERN_AND_CALDER)
    answer = kb.ask("Under Wyvern's Partnership aim, what outcomes are expected?")
    assert answer.found
    assert any("one risk assessment" in c.quote for c in answer.citations)


def test_a_word_the_named_council_never_writes_that_modifies_the_rest_is_refused(tmp_path):
    """"Does Wyvern have a sanctuary scheme?": Wyvern writes of schemes, but never of a
    sanctuary scheme (Calder does), so the question is about something Wyvern never names,
    however alike its other schemes' passages are."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nCommunities\n\nWe will run a "
                      "community ambassador scheme in rural parishes, and a scheme for "
                      "employers.\n\nHousing\n\nWe will help victims keep their homes.\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nHousing\n\nWe will "
                      "extend the sanctuary scheme to private tenants, so victims can stay "
                      "safely in their homes.\n"},
        WYVERN_AND_CALDER)
    refused = kb.ask("Does Wyvern have a sanctuary scheme?")
    assert not refused.found
    assert "no passage in the documents of Wyvern is about 'sanctuary'" in refused.text
    assert kb.ask("Does Calder have a sanctuary scheme?").found
    assert kb.ask("Does Wyvern have a community ambassador scheme?").found
    # a possessive modifies as a plain word does ("sanctuary's" of "the sanctuary's scheme")
    refused = kb.ask("Does Wyvern have a sanctuary's scheme?")
    assert not refused.found and "'sanctuary" in refused.text, refused.text
    assert kb.ask("Does Calder have a sanctuary's scheme?").found


def test_a_rewording_in_words_the_named_council_never_writes_answers_nothing():
    """"economic abuse" is reworded "financial abuse" (vocabulary [synonyms]); of a council
    that writes neither, a passage like the rewording is about nothing the council says, and
    the question is judged as if there were no rewording."""
    from kb.answers.about import TOPIC_SIMILARITY
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver
    from kb.text import content_terms

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    refuges = hit("Wyvern will fund refuge places for victims of domestic abuse.",
                  similarity=TOPIC_SIMILARITY + 0.05)
    idf = idf_table([refuges.text, "Victims of domestic abuse will get support.",
                     "Calder Vale will fund a money adviser for survivors of financial abuse.",
                     "The economic climate makes debts harder to clear."])
    wyvern = content_terms(refuges.text)

    def reason(question):
        return uncovered_reason(question, [refuges], 0.15, resolver, (), idf,
                                similarities=lambda queries, found: [
                                    [TOPIC_SIMILARITY - 0.1] * len(found) for _ in queries],
                                used=lambda term: term in wyvern)

    assert reason("Is there anything about economic abuse in the Wyvern strategy?") == (
        "no passage is about 'economic'")


def test_the_words_of_a_governance_phrase_are_no_subject_the_council_must_write(tmp_path):
    """"Who is in charge of the Wyvern strategy?": Wyvern never writes "charge" (Calder Vale
    does, of prosecutions), and its board "owns" the strategy; the phrase asks who oversees it,
    and the board's passage answers."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nGovernance\n\nThe Wyvern "
                      "Domestic Abuse Partnership Board owns this strategy. It is chaired by "
                      "Anna Clarke, Director of Public Health.\n\nOur actions\n\nWyvern will "
                      "fund refuge places for victims.\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nOur actions\n\n"
                      "Calder Vale will help police charge more perpetrators.\n"},
        WYVERN_AND_CALDER)
    answer = kb.ask("Who is in charge of the Wyvern strategy?")
    assert answer.found and "owns this strategy" in answer.text, answer.text


def test_a_phrase_the_named_council_never_writes_that_qualifies_the_rest_is_refused(tmp_path):
    """"How does Wyvern support victims of stalking?": Wyvern writes of supporting victims but
    never of stalking (Calder does), so the question is about victims Wyvern never names; a
    phrase whose main words it does write ("minority ethnic backgrounds", though never
    "black") is still answered."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nSupport\n\nWe will support "
                      "victims to stay safely in their homes, and fund a specialist advocate "
                      "for victims from minority ethnic backgrounds. We offer victims a "
                      "named worker.\n\nChildren\n\nWe will "
                      "support children who live with abuse at home.\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nStalking\n\nWe will "
                      "fund a stalking advocate for victims in rural areas, and a service for "
                      "black and minority ethnic women and children in care.\n"},
        WYVERN_AND_CALDER)
    for question, unseen in (("How does Wyvern support victims of stalking?", "'stalking'"),
                             ("What does Wyvern do for victims in rural areas?", "'rural'"),
                             # (what it offers them is done about them, not another subject)
                             ("What does Wyvern offer victims in rural areas?", "'rural'"),
                             ("What does Wyvern do for children in care?", "'care'")):
        refused = kb.ask(question)
        assert not refused.found, question
        assert f"no passage in the documents of Wyvern is about {unseen}" in refused.text
    assert kb.ask("How does Calder support victims of stalking?").found
    answer = kb.ask("What will Wyvern do for victims from black and minority ethnic backgrounds?")
    assert answer.found
    assert any("minority ethnic backgrounds" in c.quote for c in answer.citations)
    # a phrase is one noun phrase: "at home | the night before" qualifies the children by
    # "home", which Wyvern writes, and only says when of "the night before"
    answer = kb.ask("What does Wyvern do for children who live with abuse at home the night "
                    "before school?")
    assert answer.found, answer.text


def test_a_phrase_is_about_the_words_that_hold_most_of_its_weight():
    """"about domestic homicide reviews" is about homicide reviews where an area never writes
    "homicide", the rarest of its words; "from black and minority ethnic backgrounds" is not
    about what an area that never writes "black" leaves out: its other words weigh more."""
    from kb.answers.compounds import qualified_terms

    idf = {"domest": 0.3, "homicid": 4.0, "review": 2.0, "victim": 0.5, "black": 3.5,
           "minor": 3.0, "ethnic": 3.0, "background": 4.0}
    assert qualified_terms("What does Wyvern say about domestic homicide reviews?", {"homicid"},
                           {"domest", "homicid", "review"}, idf) == {"domest", "homicid", "review"}
    assert qualified_terms("What will Wyvern do for victims from black and minority ethnic "
                           "backgrounds?", {"black"},
                           {"victim", "black", "minor", "ethnic", "background"}, idf) == set()


def test_a_word_for_a_kind_of_document_names_where_to_look_not_what_about():
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    # "slides" makes the question less like the passage, as any word a passage lacks does
    figures = hit("On average there are 35 incidents before a victim calls the police.",
                  similarity=0.5)
    texts = [figures.text, "Victims will get support from the IDVA service.",
             "The partnership presentation admits gaps in refuge provision."]

    def reason(question, hits):
        return uncovered_reason(question, hits, 0.15, resolver, (), idf_table(texts),
                                similarities=lambda queries, found: [
                                    [0.45 if query == question else 0.55] * len(found)
                                    for query in queries])

    assert reason("In Wyvern's old slides, what happens before a victim calls the police?",
                  [figures]) == ""
    assert reason("In Wyvern's old roadshow, what happens before a victim calls the police?",
                  [figures]) == "no passage is about 'roadshow'"
    # nor is a compound of it with the verb after it ("presentation admit", its words each
    # used once) another subject
    gaps = hit("The 2008 review found gaps in the phone support for victims.", similarity=0.3)
    assert reason("What gap in phone support did the presentation admit to?", [gaps]) == ""


def test_the_words_asking_what_a_document_quotes_or_in_what_format_are_no_subject():
    """A verb asking what a document says ("the research quoted by Wyvern", as "cited") and
    the noun asking how something is given ("In what formats…", as "approach") are the
    question's frame (vocabulary [topic] scaffolding), not a subject the strategies must
    write."""
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    research = hit("Research shows programmes for perpetrators work better than sanctions.",
                   similarity=0.5)
    support = hit("Support is offered by phone, one to one and in groups.", similarity=0.5)
    texts = [research.text, support.text, "Victims will get support from the IDVA service."]

    def reason(question, hits):
        return uncovered_reason(question, hits, 0.15, resolver, (), idf_table(texts),
                                similarities=lambda queries, found: [
                                    [0.45 if query == question else 0.55] * len(found)
                                    for query in queries])

    assert reason("What does the research quoted by Wyvern say about programmes for "
                  "perpetrators?", [research]) == ""
    assert reason("In what formats will Wyvern offer support?", [support]) == ""
    assert reason("In what languages will Wyvern offer support?", [support]) == (
        "no passage is about 'languages'")


def _reason_over(question: str, passage: str) -> str:
    """Why a question about Wyvern whose one top passage is `passage` (similarity 0.5) is
    refused ('' when it is not): the question itself less like the passage than its
    rewordings are."""
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    top = hit(passage, similarity=0.5)
    texts = [top.text, "Victims will get support from the IDVA service."]
    return uncovered_reason(question, [top], 0.15, resolver, (), idf_table(texts),
                            similarities=lambda queries, found: [
                                [0.45 if query == question else 0.55] * len(found)
                                for query in queries])


def test_a_verb_asking_what_a_document_flags_or_highlights_is_no_subject():
    """"What did the 2008 slides flag as raising the risk?" asks what a document says, as
    "mention" does (vocabulary [topic] scaffolding): "flag", which the strategies never
    write, is the question's frame, not a subject they must."""
    risk = "Pregnancy and leaving the relationship are raising the risk to victims."
    for verb in ("flag as", "highlight as", "admit about", "acknowledge about"):
        assert _reason_over(f"What does Wyvern {verb} raising the risk to victims?", risk) == ""
    assert _reason_over("What does Wyvern say about the risk to victims of drones?", risk) == (
        "no passage is about 'drones'")


def test_what_mattered_most_asks_for_a_judgement_not_a_subject():
    """"What did victims say mattered most…?" asks what they valued (vocabulary [topic]
    value_words, as "strengths" does): "mattered", which the strategies never write, is no
    subject they must."""
    assert _reason_over(
        "What did victims in Wyvern say mattered most about the police response?",
        "Victims placed great importance on the initial police response.") == ""


def test_what_people_asked_for_is_what_they_said_not_a_subject():
    """"What did survivors ask for in the consultation?" asks what they said (vocabulary
    [topic] scaffolding, as "say" and "mention"): "ask", which a council may never write, is
    no topic word its passages must hold."""
    from kb.answers.about import topic_terms

    assert topic_terms("What did survivors ask for in the consultation?") == {"survivor",
                                                                              "consult"}


def test_backing_a_model_asks_whether_it_is_supported():
    """"Is Wyvern backing the Family Safeguarding Model?" asks whether the strategy supports
    it (vocabulary [synonyms] support): "backing", which the strategies never write, is no
    subject of its own; a word they never write that is the subject still is."""
    model = "Support the council's implementation of the Family Safeguarding Model."
    assert _reason_over("Is Wyvern backing the Family Safeguarding Model?", model) == ""
    assert _reason_over("Has Wyvern backed the Family Safeguarding Model?", model) == ""
    assert _reason_over("Is Wyvern funding drones for the Family Safeguarding Model?", model) == (
        "no passage is about 'drones'")


def test_a_word_that_only_says_what_is_done_or_how_names_no_unseen_subject():
    """"Are victims bounced between services?", "Does support stop suddenly?": a verb or an
    adverb the strategies never use says what happens in other words than theirs, where the
    question less like the passages than without it would otherwise be refused; a noun ("vehicle
    crime") and an activity's -ing form ("parking") still name a subject they may lack."""
    from kb.retrieval.english import names_nothing

    services = "Victims are passed between services and support ends when a case closes."
    assert _reason_over("Are Wyvern victims bounced between services?", services) == ""
    assert _reason_over("Does support in Wyvern end suddenly when a case closes?", services) == ""
    assert _reason_over("What will Wyvern do about vehicle services?", services) == (
        "no passage is about 'vehicle'")
    assert names_nothing("bounced") and names_nothing("suddenly")
    assert not names_nothing("parking") and not names_nothing("installations")
    assert not names_nothing("famous")  # an adjective may qualify a subject ("older victims")
    assert not names_nothing("zorbified")  # a word the dictionary does not know


def test_an_unseen_word_of_one_of_two_alternatives_leaves_the_other_to_answer():
    """"… using influencers or famous people to reach teenagers?": the strategy speaks of
    influencers, so the word it never uses ("famous"), in the other alternative, does not take
    the question off its subject; where every alternative holds one ("potholes or fly-tipping"),
    it does."""
    campaign = "Wyvern will work with online influencers to reach young people."
    assert _reason_over("Will Wyvern use influencers or famous people to reach young people?",
                        campaign) == ""
    assert _reason_over("Will Wyvern use famous people to reach young people?", campaign) != ""
    assert _reason_over("What does Wyvern do about potholes or fly-tipping?", campaign) != ""
