//! Sample content for `grillplatz demo`: categories, tags, posts and comments about the fictional Nordlicht Software GmbH's developer & admin BBQ, in German and English.
//!
//! Dates are not fixed: each post is published relative to today or to the BBQs the demo
//! plans around today, and texts name those dates through placeholders that `fill`
//! replaces ({date}, {programme}, {rsvp}, …), so the story holds whenever it runs.

/// A demo blog post.
pub struct DemoPost {
    /// `"de"` or `"en"`.
    pub lang: &'static str,
    /// Lowercase ASCII, words joined by `-`, unique per language.
    pub slug: &'static str,
    pub title: &'static str,
    /// One or two sentences, plain text.
    pub excerpt: &'static str,
    /// CommonMark body.
    pub body_md: &'static str,
    /// German category slugs from [`CATEGORIES`].
    pub categories: &'static [&'static str],
    /// Tag slugs from [`TAGS`].
    pub tags: &'static [&'static str],
    /// Posts sharing a key are translations of each other (one de + one en).
    pub translation_key: Option<&'static str>,
    /// When it is published, relative to today or to the demo's events.
    pub published: Published,
    pub state: DemoState,
    pub comments: &'static [DemoComment],
}

/// A publication date in the demo's story.
#[derive(Debug, Clone, Copy)]
pub enum Published {
    /// This many days before today.
    DaysAgo(i64),
    /// This many days before the next BBQ (scheduled when that is still ahead).
    BeforeNextBbq(i64),
    /// This many days after last summer's BBQ.
    AfterLastBbq(i64),
    /// This many days after the last Code Retreat (negative: before it).
    AfterRetreat(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoState {
    Published,
    Draft,
}

pub struct DemoComment {
    pub author_name: &'static str,
    /// Only example.org / example.com addresses.
    pub author_email: &'static str,
    /// Plain text; paragraphs separated by a blank line.
    pub body: &'static str,
    /// `false` = waiting for moderation.
    pub approved: bool,
}

pub struct DemoCategory {
    pub slug_de: &'static str,
    pub slug_en: &'static str,
    pub name_de: &'static str,
    pub name_en: &'static str,
}

pub struct DemoTag {
    pub slug: &'static str,
    pub name: &'static str,
}

pub const CATEGORIES: &[DemoCategory] = &[
    DemoCategory {
        slug_de: "allgemein",
        slug_en: "general",
        name_de: "Allgemein",
        name_en: "General",
    },
    DemoCategory {
        slug_de: "ankuendigungen",
        slug_en: "announcements",
        name_de: "Ankündigungen",
        name_en: "Announcements",
    },
    DemoCategory {
        slug_de: "rueckblicke",
        slug_en: "recaps",
        name_de: "Rückblicke",
        name_en: "Recaps",
    },
    DemoCategory {
        slug_de: "open-space",
        slug_en: "open-space",
        name_de: "Open Space",
        name_en: "Open Space",
    },
];

pub const TAGS: &[DemoTag] = &[
    DemoTag {
        slug: "bbq",
        name: "BBQ",
    },
    DemoTag {
        slug: "open-space",
        name: "Open Space",
    },
    DemoTag {
        slug: "community",
        name: "Community",
    },
    DemoTag {
        slug: "halle",
        name: "Halle (Saale)",
    },
    DemoTag {
        slug: "rust",
        name: "Rust",
    },
    DemoTag {
        slug: "devops",
        name: "DevOps",
    },
    DemoTag {
        slug: "linux",
        name: "Linux",
    },
    DemoTag {
        slug: "testing",
        name: "Testing",
    },
    DemoTag {
        slug: "raspberry-pi",
        name: "Raspberry Pi",
    },
    DemoTag {
        slug: "code-retreat",
        name: "Code Retreat",
    },
];

pub const POSTS: &[DemoPost] = &[
    // ── Invitation (de + en) ────────────────────────────────────────────
    DemoPost {
        lang: "de",
        slug: "einladung-zum-sommergrillen",
        title: "Einladung zum Dev- und Admin-Grillen",
        excerpt: "Am Freitag, dem {date}, grillen wir wieder: ab {start} Open Space, ab {grill} Grill im Innenhof. Bringt eure Themen mit!",
        body_md: r#"## Wir grillen wieder!

Liebe Devs und Admins, liebe Kundschaft, liebe Freund:innen von Nordlicht: Am Freitag, dem {date}, öffnen wir wieder unser Büro und unseren Innenhof für das Dev- und Admin-Grillen. Im Frühsommer ist es abends lange hell – wir grillen, bis es dunkel ist (oder die Kohle alle ist).

## Ablauf

{programme}

## Bringt eure Themen mit

Eine feste Agenda gibt es nicht – die entsteht am Nachmittag aus dem, was ihr mitbringt. Das kann eine Frage sein („Wie testet ihr eigentlich eure Ansible-Rollen?“), ein Problem, an dem ihr gerade festhängt, oder etwas, das ihr zeigen wollt. Folien braucht niemand. Ihr wart noch nie bei einem Open Space? [Hier erklären wir, wie das funktioniert](/de/blog/was-ist-ein-open-space/).

## Essen und Trinken

Um Grillgut, Salate, Brot und Getränke kümmern wir uns. Und es gibt ausdrücklich nicht nur Würstchen: Gemüsespieße, Grillkäse und Halloumi für alle, die vegetarisch essen, dazu vegane Bratwürste und Marinaden ganz ohne tierische Zutaten. Wenn ihr Allergien oder Unverträglichkeiten habt, schreibt sie bitte in eure Anmeldung.

## Anmeldung

Die Teilnahme ist kostenlos, die Plätze sind aber begrenzt. Meldet euch bitte über das [Anmeldeformular]({rsvp}) an: Name und E-Mail-Adresse genügen, danach bekommt ihr einen Link zum Bestätigen. Sind alle Plätze vergeben, kommt ihr auf die Warteliste und rückt automatisch nach, sobald jemand absagt. Ein Thema könnt ihr nach der Anmeldung gleich an der [Themenwand]({topics}) vorschlagen.

Wie ihr zu uns findet, steht unter [Anfahrt und Barrierefreiheit](/de/blog/anfahrt-und-barrierefreiheit/).

Wir freuen uns auf euch!

*Jana, Micha und das Orga-Team*"#,
        categories: &["ankuendigungen"],
        tags: &["bbq", "open-space", "community", "halle"],
        translation_key: Some("bbq-invitation"),
        published: Published::DaysAgo(12),
        state: DemoState::Published,
        comments: &[
            DemoComment {
                author_name: "Katrin",
                author_email: "katrin@example.org",
                body: "Angemeldet! Ich schlage eine Session zu „Backups, die man auch wirklich zurückspielen kann“ vor – nach dem letzten Jahr habe ich dazu einiges zu erzählen.",
                approved: true,
            },
            DemoComment {
                author_name: "Stefan",
                author_email: "stefan.m@example.com",
                body: "Wir kommen zu dritt aus Leipzig. Einer von uns isst vegan, schön, dass ihr daran denkt!\n\nDürfen wir mit den Rädern direkt in den Hof?",
                approved: true,
            },
            DemoComment {
                author_name: "Lena",
                author_email: "lena@example.org",
                body: "Kann man auch erst zum Grillen dazukommen? Vor 18 Uhr schaffe ich es leider nicht aus dem Büro.",
                approved: false,
            },
        ],
    },
    DemoPost {
        lang: "en",
        slug: "invitation-summer-bbq",
        title: "You're invited: Developer & Admin BBQ",
        excerpt: "On Friday, {date}, we're firing up the grill again: Open Space from {start}, BBQ in the courtyard from {grill}. Bring your topics!",
        body_md: r#"## We're firing up the grill again

Developers, admins, customers and friends of Nordlicht: on Friday, {date}, we're opening our office and courtyard once more for the Developer & Admin BBQ. In early summer the evenings are long – we'll keep the grill going until it gets dark (or we run out of charcoal).

## Programme

{programme}

## Bring your topics

There's no fixed agenda – it takes shape in the afternoon from whatever you bring along. That might be a question ("How do you actually test your Ansible roles?"), a problem you're stuck on, or something you'd like to show people. Nobody needs slides. Never been to an Open Space? [Here's how it works](/en/blog/what-is-an-open-space/).

## Food and drink

We'll take care of the food, salads, bread and drinks – and it's not just sausages. There'll be veggie skewers, grilling cheese and halloumi for the vegetarians, plus vegan bratwurst and marinades without any animal products. If you have allergies or intolerances, please mention them when you sign up.

## Signing up

It's free, but places are limited. Please register with the [registration form]({rsvp}): your name and email address are enough, and we'll send you a link to confirm. When all places are taken you join the waiting list and move up automatically as soon as someone cancels. Once registered, you can propose a topic on the [topic board]({topics}) right away.

Directions are in [Getting there and accessibility](/en/blog/getting-there-and-accessibility/).

See you in the courtyard!

*Jana, Micha and the organising team*"#,
        categories: &["ankuendigungen"],
        tags: &["bbq", "open-space", "community", "halle"],
        translation_key: Some("bbq-invitation"),
        published: Published::DaysAgo(12),
        state: DemoState::Published,
        comments: &[DemoComment {
            author_name: "Priya",
            author_email: "priya@example.org",
            body: "Registered! I'd like to propose a session on running Postgres on small ARM boards – keen to hear how others deal with worn-out SD cards.",
            approved: true,
        }],
    },
    // ── Getting there (de + en) ─────────────────────────────────────────
    DemoPost {
        lang: "de",
        slug: "anfahrt-und-barrierefreiheit",
        title: "Anfahrt und Barrierefreiheit",
        excerpt: "Wie ihr mit Straßenbahn, Rad oder Auto zu uns in die Große Ulrichstraße kommt – und was ihr vor Ort an Barrieren erwarten müsst (und was nicht).",
        body_md: r#"Unser Büro liegt mitten in der Altstadt: **Nordlicht Software GmbH, Große Ulrichstraße 12, 06108 Halle (Saale)**. Die Sessions finden im ersten Obergeschoss und im Innenhof statt, gegrillt wird im Hof.

## Mit Bus und Bahn

Am einfachsten kommt ihr mit der Straßenbahn. Bis zur Haltestelle Marktplatz, an der die meisten Linien halten, sind es vom Hauptbahnhof gut zehn Minuten. Von dort lauft ihr etwa fünf Minuten in die Große Ulrichstraße. Am Veranstaltungstag steht das Hoftor ab 13:00 Uhr offen, und ein Schild mit unserem Logo zeigt euch den Weg.

## Mit dem Fahrrad

Im Innenhof gibt es Fahrradbügel für etwa 20 Räder; für das Grillen stellen wir zusätzliche Ständer auf. Auch Lastenräder passen durch die Toreinfahrt.

## Mit dem Auto

Ehrlich gesagt: lieber nicht. In der Altstadt sind Parkplätze knapp, am Freitagabend erst recht. Die nächsten Parkhäuser sind fünf bis zehn Gehminuten entfernt. Unsere drei Stellplätze im Hof halten wir für Menschen frei, die aufs Auto angewiesen sind – sagt uns bei der Anmeldung Bescheid, dann reservieren wir euch einen.

## Barrierefreiheit

- Toreinfahrt und Innenhof sind ebenerdig. Die Einfahrt hat allerdings Kopfsteinpflaster und ist etwas holprig.
- Die Sessionräume im ersten Obergeschoss erreicht ihr mit dem Aufzug (Türbreite 90 cm).
- Eine rollstuhlgerechte Toilette gibt es im Erdgeschoss.
- Ein ausgeschilderter Ruheraum steht den ganzen Tag zur Verfügung – dort wird nicht geredet.
- Die Sessions laufen auf Deutsch oder Englisch, je nachdem, was die Runde möchte.

Wenn ihr etwas braucht, das hier nicht steht – eine Begleitperson, einen Platz nah an der Tür, jemanden zum Dolmetschen –, schreibt uns vorher. Wir können nicht alles versprechen, aber wir geben uns Mühe.

Alle weiteren Infos zum Grillen findet ihr [im Blog](/de/blog/)."#,
        categories: &["allgemein"],
        tags: &["halle", "community"],
        translation_key: Some("getting-there"),
        published: Published::DaysAgo(21),
        state: DemoState::Published,
        comments: &[DemoComment {
            author_name: "Rolf",
            author_email: "rolf.k@example.com",
            body: "Gibt es im Obergeschoss auch eine Toilette, oder muss man dafür jedes Mal mit dem Aufzug nach unten? Ich frage für meinen Vater, der im Rollstuhl sitzt und gern mitkommen würde.",
            approved: false,
        }],
    },
    DemoPost {
        lang: "en",
        slug: "getting-there-and-accessibility",
        title: "Getting there and accessibility",
        excerpt: "How to reach us on Große Ulrichstraße by tram, bike or car – and what to expect on site in terms of accessibility.",
        body_md: r#"Our office is right in the old town: **Nordlicht Software GmbH, Große Ulrichstraße 12, 06108 Halle (Saale)**. The Open Space takes place on the first floor and in the courtyard, and the BBQ is in the courtyard.

## By public transport

The tram is the easiest option. It's a good ten minutes from the main station to the Marktplatz stop, where most lines call. From there it's about a five-minute walk to Große Ulrichstraße. On the day, the courtyard gate is open from 1:00 PM, and a sign with our logo will point you in the right direction.

## By bike

There are bike racks for about 20 bikes in the courtyard, and we'll put out extra stands for the BBQ. Cargo bikes fit through the gateway too.

## By car

Honestly, we'd rather you didn't. Parking in the old town is scarce, especially on a Friday evening. The nearest multi-storey car parks are a five- to ten-minute walk away. We keep our three spaces in the courtyard free for people who depend on a car – let us know when you sign up and we'll reserve one for you.

## Accessibility

- The gateway and courtyard are step-free, although the gateway is cobbled and a bit bumpy.
- A lift takes you to the session rooms on the first floor (door width 90 cm).
- There's a wheelchair-accessible toilet on the ground floor.
- A signposted quiet room is available all day – no talking in there.
- Sessions run in German or English, whichever the group prefers.

If you need something that isn't listed here – a companion, a seat near the door, an interpreter – please get in touch beforehand. We can't promise everything, but we'll do our best.

Everything else about the BBQ is [on the blog](/en/blog/)."#,
        categories: &["allgemein"],
        tags: &["halle", "community"],
        translation_key: Some("getting-there"),
        published: Published::DaysAgo(20),
        state: DemoState::Published,
        comments: &[],
    },
    // ── What is an Open Space? (de + en) ────────────────────────────────
    DemoPost {
        lang: "de",
        slug: "was-ist-ein-open-space",
        title: "Was ist eigentlich ein Open Space?",
        excerpt: "Kein Programm, keine Vorträge, trotzdem ein voller Nachmittag: So funktionieren Marktplatz, Klebepunkte und das Gesetz der zwei Füße.",
        body_md: r#"Jedes Jahr fragt uns jemand, wo denn das Programm für den Nachmittag steht. Die ehrliche Antwort: Es gibt keins – jedenfalls nicht, bevor ihr da seid. Beim Open Space machen die Teilnehmenden die Agenda selbst.

## Der Marktplatz

Um 14:00 Uhr sitzen alle im großen Kreis. Wer ein Thema hat, schreibt es auf eine Karte, stellt es in ein, zwei Sätzen vor und hängt es an die Themenwand. Das dauert pro Thema keine Minute. Erfahrungsgemäß kommen so 15 bis 25 Vorschläge zusammen.

## Punkte kleben

Danach bekommen alle drei Klebepunkte und verteilen sie auf die Themen, die sie am meisten interessieren. Die Punkte entscheiden nicht darüber, ob ein Thema stattfindet – sie helfen uns bei der Raumplanung: Themen mit vielen Punkten kommen in den großen Besprechungsraum, kleine Runden in die Teeküche oder auf die Bank im Hof. Ähnliche Themen legen wir zusammen, wenn alle Beteiligten einverstanden sind.

## Das Gesetz der zwei Füße

Die wichtigste Regel: Wenn ihr in einer Session weder etwas lernt noch etwas beitragt, nehmt eure zwei Füße und geht woandershin. Das ist nicht unhöflich, sondern ausdrücklich erwünscht. Manche wandern von Runde zu Runde und tragen Ideen weiter (die „Hummeln“), andere bleiben an der Kaffeemaschine hängen und kommen dort ins Gespräch (die „Schmetterlinge“). Beides ist völlig in Ordnung.

## Vier Grundsätze

> Wer auch immer kommt, es sind die richtigen Leute. Was auch immer geschieht, es ist das Einzige, was geschehen konnte. Es beginnt, wenn die Zeit reif ist. Vorbei ist vorbei.

Klingt ein bisschen esoterisch, ist aber sehr praktisch: Auch eine Session mit zwei Leuten kann die beste des Tages sein. Und wenn ein Thema nach zwanzig Minuten erschöpft ist, muss niemand die restliche Zeit absitzen.

## Und die Ergebnisse?

Wer eine Session vorschlägt, sorgt dafür, dass am Ende ein paar Stichpunkte auf dem Flipchart stehen. Die fotografieren wir ab und fassen sie im Rückblick zusammen. Wie das aussieht, zeigen die [bisherigen Beiträge im Blog](/de/blog/)."#,
        categories: &["open-space"],
        tags: &["open-space", "community"],
        translation_key: Some("open-space-explainer"),
        published: Published::DaysAgo(75),
        state: DemoState::Published,
        comments: &[DemoComment {
            author_name: "Ole",
            author_email: "ole@example.org",
            body: "Danke für die Erklärung! Das mit den Hummeln und Schmetterlingen kannte ich noch nicht. Dann bin ich wohl ein Schmetterling an der Kaffeemaschine.",
            approved: true,
        }],
    },
    DemoPost {
        lang: "en",
        slug: "what-is-an-open-space",
        title: "What is an Open Space, anyway?",
        excerpt: "No programme, no talks, and still a packed afternoon: how the marketplace, the sticky dots and the law of two feet work.",
        body_md: r#"Every year someone asks us where the programme for the afternoon is. The honest answer: there isn't one – at least not until you arrive. At an Open Space, the participants set the agenda themselves.

## The marketplace

At 2:00 PM everyone sits in one big circle. If you have a topic, you write it on a card, introduce it in a sentence or two and pin it to the topic board. It takes less than a minute per topic. In our experience, we end up with somewhere between 15 and 25 proposals.

## Sticking dots

Next, everyone gets three sticky dots to put on the topics they're most interested in. The dots don't decide whether a topic happens – they help us plan the rooms. Topics with lots of dots go into the big meeting room, smaller groups get the kitchen or the bench in the courtyard. Where topics overlap, we merge them, as long as everyone involved is happy with that.

## The law of two feet

The most important rule: if you're neither learning nor contributing in a session, use your two feet and go somewhere else. That isn't rude – it's actively encouraged. Some people drift from group to group, cross-pollinating ideas (the "bumblebees"); others settle in by the coffee machine and end up in conversations there (the "butterflies"). Both are perfectly fine.

## Four principles

> Whoever comes are the right people. Whatever happens is the only thing that could have. Whenever it starts is the right time. When it's over, it's over.

It sounds a little esoteric, but it's very practical: a session with just two people can be the best one of the day. And if a topic has run its course after twenty minutes, nobody has to sit out the rest of the slot.

## What about the results?

Whoever proposes a session makes sure a few bullet points end up on the flip chart. We take photos and summarise them in our recap. You can see what that looks like in [earlier posts on the blog](/en/blog/)."#,
        categories: &["open-space"],
        tags: &["open-space", "community"],
        translation_key: Some("open-space-explainer"),
        published: Published::DaysAgo(74),
        state: DemoState::Published,
        comments: &[
            DemoComment {
                author_name: "Chris",
                author_email: "chris@example.com",
                body: "Really helpful, thanks. I'd always assumed walking out of a session was rude – good to know it's actually encouraged.",
                approved: true,
            },
            DemoComment {
                author_name: "Sam",
                author_email: "sam@example.org",
                body: "One thing I'd add: don't be shy about pitching a topic just because you're not an expert.\n\nSome of the best sessions I've been to started with someone saying \"I don't get this – can anyone explain?\"",
                approved: true,
            },
        ],
    },
    // ── Code Retreat (en only, plus an unfinished recap draft) ──────────
    DemoPost {
        lang: "en",
        slug: "code-retreat-in-halle",
        title: "Code Retreat in Halle: a day of deleting code",
        excerpt: "The grill is in the shed for the winter, so we're hosting a Code Retreat instead: a full Saturday of pair programming, in English.",
        body_md: r#"The BBQ is our summer event, but quite a few of you have asked for something more hands-on in the colder months. So this year we're joining the Global Day of Coderetreat in November and hosting a full Saturday of deliberate practice at our office on Große Ulrichstraße.

## What happens at a Code Retreat?

You spend the day working on the same problem again and again – traditionally Conway's Game of Life – in 45-minute sessions. Each session you pair up with someone new, usually with a constraint: no `if` statements, ping-pong TDD, no talking at all. When the time's up, you delete the code. All of it.

That's the part people find hardest, and it's the whole point: with no pressure to finish, you can concentrate on *how* you work rather than *what* you build. After each session we spend ten minutes in a circle talking about what we noticed.

## Schedule

- **8:30** Breakfast
- **9:00** Introduction and first session
- **12:30** Lunch – soup and fresh bread, with a vegan option
- **13:30** Three more sessions
- **16:30** Closing circle, then the pub for anyone who fancies it

## Why in English?

Several regulars – colleagues who joined us from abroad this year, and a few customers from outside Germany – don't speak German (yet). So the day will be run in English. If both people in a pair prefer German, they're welcome to switch, of course.

## What to bring

A laptop with a development environment for any language you like, and a test framework that's already set up. Ideally you can run your tests with a single keystroke:

```sh
cargo test        # or pytest, mvn test, npm test, ...
```

No laptop? Let us know – we have a few spare machines.

Places are limited to 24, because of the room size and because we need an even number for pairing. It's free; to get a place, just email us at team@grillplatz.example. More events are [on the blog](/en/blog/)."#,
        categories: &["ankuendigungen"],
        tags: &["code-retreat", "testing", "community", "halle"],
        translation_key: None,
        published: Published::AfterRetreat(-42),
        state: DemoState::Published,
        comments: &[DemoComment {
            author_name: "Marta",
            author_email: "marta@example.com",
            body: "Signed up! Would it be all right to bring a slightly exotic language? I've been meaning to give Gleam a proper try.",
            approved: true,
        }],
    },
    DemoPost {
        lang: "en",
        slug: "code-retreat-recap",
        title: "Code Retreat recap: delete the code, keep the lessons",
        excerpt: "Eighteen people, five rounds of Conway's Game of Life and not a single line of code kept. Here's what we learned.",
        body_md: r#"> **Draft** – TODO: add photos from Micha, ask Marta whether we may quote her, double-check the headcount.

Eighteen people spent last Saturday writing code in our office and then throwing it away, and as far as we can tell, nobody regretted it.

## The sessions

We did five rounds of Conway's Game of Life, 45 minutes each, every time with a new partner and a new constraint:

1. No constraint – just get to know the problem.
2. Ping-pong TDD: one person writes a failing test, the other makes it pass and writes the next one.
3. No primitive types: no bare integers or booleans for cells and coordinates.
4. Silent pairing: communicate only through code and tests.
5. Free choice.

Languages on the day: Rust, Python, Java, TypeScript, Kotlin, one brave attempt in Gleam and one in Bash (we're still not sure how that worked).

## What people noticed

- Almost nobody finished the game in the first round, and that was fine. Several pairs said they only understood the rules properly in round two.
- Ping-pong TDD was the favourite. It forces you to take small steps, and it keeps both people at the keyboard.
- Silent pairing was the hardest round, but many said it made them write far more readable tests.
- The "no primitives" round produced the most heated discussions in the closing circle. TODO: summarise the flip chart.

## Next time

We'd like to do this again next winter, possibly with a shorter format on a weekday evening. If you have ideas, tell us in the comments or at the [next BBQ](/en/blog/)."#,
        categories: &["rueckblicke"],
        tags: &["code-retreat", "testing", "rust"],
        translation_key: None,
        published: Published::AfterRetreat(2),
        state: DemoState::Draft,
        comments: &[],
    },
    // ── Recap of last summer's BBQ (de + en) ────────────────────────────
    DemoPost {
        lang: "de",
        slug: "rueckblick-sommergrillen",
        title: "Rückblick: So war das Sommergrillen",
        excerpt: "34 Leute, elf Sessions, ein Gewitter pünktlich zur Abschlussrunde und vegane Bratwürste, die als Erstes weg waren.",
        body_md: r#"Was für ein Tag! Am Freitag waren 34 Leute bei uns in der Großen Ulrichstraße – so viele wie noch nie, neun davon zum ersten Mal. Bei 31 Grad haben wir den Nachmittag überwiegend drinnen verbracht, mit offenen Fenstern und sehr viel Wasser.

## Die Themen

Auf dem Marktplatz kamen 19 Vorschläge zusammen, daraus wurden elf Sessions in drei Zeitfenstern. Ein paar Höhepunkte:

- **Raspberry Pi – Möglichkeiten, Grenzen, Alternativen:** die am besten besuchte Runde. Einig war man sich: Als kleiner Server im Heimnetz ist der Pi super, aber bei vielen Schreibzugriffen ist die SD-Karte die Schwachstelle – lieber von einer SSD booten. Als Alternativen kamen gebrauchte Thin Clients und Mini-PCs auf den Tisch, die oft kaum mehr kosten und deutlich mehr Leistung bringen.
- **Code-Katas:** zwei Durchgänge mit der Bowling-Kata, im Pair-Programming mit wechselnden Partnern. Das Fazit einer Teilnehmerin: „Ich habe mehr über meinen Editor gelernt als über Bowling.“
- **Testgetriebene Entwicklung im Alltag:** weniger Grundsatzdebatte als erwartet, dafür viele konkrete Fragen. Wie testet man Code, der mit Hardware spricht? Was tun mit Altcode ohne einen einzigen Test? Tipp aus der Runde: mit Charakterisierungstests anfangen, die einfach das heutige Verhalten festhalten.
- **Ansible vs. Nix:** die lebhafteste Diskussion des Tages. Ansible punktet mit der flachen Lernkurve und damit, dass es ohnehin schon überall läuft, Nix mit reproduzierbaren Builds und sauberen Rollbacks. Einen Sieger gab es nicht, aber zwei Leute wollen Nix jetzt auf einem Testserver ausprobieren.
- Außerdem: Rust für Admin-Werkzeuge, Monitoring für kleine Teams und eine spontane Runde zu Rufbereitschaft ohne Burn-out.

## Wetter und Grill

Um halb sieben zog pünktlich zur Abschlussrunde ein Gewitter über die Altstadt. Der Grill stand zum Glück schon unter dem Pavillon, und Micha hat tapfer die Kohle am Glühen gehalten. Um Viertel nach sieben war alles vorbei, der Hof dampfte, und die ersten Würstchen und Gemüsespieße lagen auf dem Rost. Die veganen Bratwürste waren als Erstes weg – nächstes Mal kaufen wir mehr.

Danke an alle, die Themen mitgebracht, mitdiskutiert, Bänke geschleppt und hinterher beim Aufräumen geholfen haben. Die Fotos der Flipcharts hängen ab Montag bei uns im Flur; wer sie digital haben möchte, meldet sich einfach. Weitere Rückblicke findet ihr [im Blog](/de/blog/)."#,
        categories: &["rueckblicke", "open-space"],
        tags: &[
            "bbq",
            "open-space",
            "raspberry-pi",
            "testing",
            "devops",
            "linux",
            "rust",
        ],
        translation_key: Some("bbq-recap"),
        published: Published::AfterLastBbq(3),
        state: DemoState::Published,
        comments: &[
            DemoComment {
                author_name: "Paul",
                author_email: "paul@example.org",
                body: "Danke für den tollen Tag! Die Runde zu Ansible und Nix hätte ruhig noch eine Stunde länger gehen können. Ich melde mich, sobald der Testserver mit NixOS läuft.",
                approved: true,
            },
            DemoComment {
                author_name: "Anja",
                author_email: "anja.w@example.com",
                body: "Ich war zum ersten Mal bei einem Open Space und bestimmt nicht zum letzten Mal. Das Gesetz der zwei Füße war mir anfangs nicht ganz geheuer, aber es funktioniert wirklich.\n\nUnd die Gemüsespieße waren großartig!",
                approved: true,
            },
            DemoComment {
                author_name: "Jana",
                author_email: "jana@example.com",
                body: "@Paul: Sehr gern! Schreib doch einen kurzen Gastbeitrag, wenn es so weit ist – wir veröffentlichen ihn gern hier im Blog.",
                approved: true,
            },
        ],
    },
    DemoPost {
        lang: "en",
        slug: "recap-summer-bbq",
        title: "Recap: our summer BBQ",
        excerpt: "34 people, eleven sessions, a thunderstorm right on cue for the closing circle, and vegan bratwurst that was the first thing to go.",
        body_md: r#"What a day! On Friday, 34 people joined us on Große Ulrichstraße – more than ever before, and nine of them for the first time. With the thermometer at 31 °C, we spent most of the afternoon indoors, with the windows wide open and a lot of water.

## The topics

The marketplace produced 19 proposals, which turned into eleven sessions across three time slots. A few highlights:

- **Raspberry Pi – possibilities, limits, alternatives:** the best-attended session. General agreement: the Pi is great as a small home server, but with lots of writes the SD card is the weak spot – boot from an SSD instead. Second-hand thin clients and mini PCs came up as alternatives; they often cost barely more and are considerably faster.
- **Code katas:** two rounds of the bowling kata, pair programming with rotating partners. One participant's verdict: "I learned more about my editor than about bowling."
- **Test-driven development in practice:** less debate about principles than expected, and lots of concrete questions instead. How do you test code that talks to hardware? What do you do with legacy code that has no tests at all? Tip from the group: start with characterisation tests that simply pin down today's behaviour.
- **Ansible vs. Nix:** the liveliest discussion of the day. Ansible scores with its gentle learning curve and the fact that it's already running everywhere; Nix with reproducible builds and clean rollbacks. No winner, but two people now want to try Nix on a test server.
- Also on the board: Rust for admin tools, monitoring for small teams, and an impromptu session on being on call without burning out.

## Weather and grill

At half past six, right on cue for the closing circle, a thunderstorm rolled over the old town. Luckily the grill was already under the gazebo, and Micha bravely kept the coals going. By quarter past seven it was all over, the courtyard was steaming and the first sausages and veggie skewers were on the grill. The vegan bratwurst went first – we'll buy more next time.

Thanks to everyone who brought topics, joined in, carried benches and helped tidy up afterwards. Photos of the flip charts will be up in our hallway from Monday; if you'd like digital copies, just ask. More recaps are [on the blog](/en/blog/)."#,
        categories: &["rueckblicke", "open-space"],
        tags: &[
            "bbq",
            "open-space",
            "raspberry-pi",
            "testing",
            "devops",
            "linux",
            "rust",
        ],
        translation_key: Some("bbq-recap"),
        published: Published::AfterLastBbq(4),
        state: DemoState::Published,
        comments: &[],
    },
    // ── German only: thank-you to sponsors, scheduled reminder ──────────
    DemoPost {
        lang: "de",
        slug: "danke-an-unsere-unterstuetzer",
        title: "Danke an alle, die uns unterstützt haben",
        excerpt: "Ohne Getränkespende, geliehene Bierbänke und eine Kiste Gemüse wäre das Sommergrillen deutlich kleiner ausgefallen. Ein Dankeschön.",
        body_md: r#"Ein Grillabend für über 30 Leute kostet mehr als ein paar Säcke Holzkohle. Dass wir das Dev- und Admin-Grillen kostenlos anbieten können, verdanken wir nicht nur unserer Geschäftsführung, sondern auch einigen Firmen, Vereinen und Menschen aus der Nachbarschaft, bei denen wir uns an dieser Stelle ausdrücklich bedanken möchten:

- **Saalebit Hosting** hat die Getränke übernommen – einschließlich der alkoholfreien Auswahl, die diesmal deutlich größer war als das Bierangebot.
- **Werkbank Halle e. V.** hat uns Flipcharts, einen Moderationskoffer und zwei Bierzeltgarnituren geliehen und beim Aufbau kräftig mit angepackt.
- Ein Hofladen aus dem Saalekreis, der lieber nicht genannt werden möchte, hat eine große Kiste Gemüse und Kräuter für Spieße und Salate vorbeigebracht.
- Die Leute aus dem Vorderhaus haben den Trubel bis 22:00 Uhr klaglos ertragen und uns sogar ihren zweiten Grill geliehen.

## Was sie dafür bekommen

Ehrlich gesagt: nicht viel. Ein Logo auf der Einladung, ein Dankeschön in der Abschlussrunde und diesen Beitrag. Es gibt keinen Vortragsslot und keinen Stand. Dabei soll es auch bleiben: Ein Open Space lebt davon, dass die Themen von den Leuten kommen, die da sind, und nicht aus einem Marketingplan.

## Ihr wollt nächstes Jahr helfen?

Sprecht uns gern an. Am meisten hilft uns übrigens nicht Geld, sondern Zeit: Leute, die um 12:00 Uhr beim Aufbau mit anpacken, eine Stunde lang den Grill übernehmen oder am Ende noch beim Aufräumen helfen. Wer mag, schreibt einfach einen Kommentar.

Wie der Tag selbst gelaufen ist, lest ihr im [Rückblick auf das Sommergrillen](/de/blog/rueckblick-sommergrillen/)."#,
        categories: &["allgemein"],
        tags: &["bbq", "community", "halle"],
        translation_key: None,
        published: Published::AfterLastBbq(7),
        state: DemoState::Published,
        comments: &[],
    },
    DemoPost {
        lang: "de",
        slug: "letzte-infos-zum-grillen",
        title: "Noch eine Woche: letzte Infos zum Grillen",
        excerpt: "Nächste Woche Freitag ist es so weit. Hier steht, was ihr noch wissen müsst – und wobei wir eure Hilfe brauchen.",
        body_md: r#"Nächste Woche Freitag ist es so weit, und die Vorbereitungen laufen auf Hochtouren. Hier der aktuelle Stand.

## Anmeldungen

Die Plätze sind so gut wie vergeben. Wer sich noch nicht angemeldet hat: Über das [Anmeldeformular]({rsvp}) kommt ihr auf die Warteliste und rückt automatisch nach, sobald jemand absagt – das passiert erfahrungsgemäß in der letzten Woche noch ein paarmal. Und sagt bitte ab, wenn ihr doch nicht könnt: Der Link dazu steht in eurer Bestätigungsmail.

## Erste Themen

An der [Themenwand]({topics}) stehen schon einige Vorschläge für den Marktplatz, unter anderem:

- Backups, die man auch wirklich zurückspielen kann
- Postgres auf kleinen ARM-Boards
- Kommandozeilen-Werkzeuge in Rust
- Barrierefreie Webformulare – was wir alle falsch machen

Eine feste Agenda ist das trotzdem nicht: Vorgestellt und abgestimmt wird wie immer ab {start} vor Ort.

## Wetter

Laut Vorhersage wird es warm. Denkt an Sonnencreme und eine Kopfbedeckung, um Wasser kümmern wir uns. Falls es doch regnet, steht der Grill unter dem Pavillon, und die Sessions finden drinnen statt.

## Helfende Hände gesucht

Für den Aufbau ab 12:00 Uhr suchen wir noch drei, vier Leute, die mit uns Tische und Bänke in den Hof tragen. Wer nach dem Grillen noch eine halbe Stunde beim Aufräumen hilft, bekommt unseren ewigen Dank – und den letzten Grillkäse.

Bis nächste Woche!"#,
        categories: &["ankuendigungen"],
        tags: &["bbq", "open-space", "community"],
        translation_key: None,
        published: Published::BeforeNextBbq(7),
        state: DemoState::Published,
        comments: &[],
    },
];

/// The demo company's Impressum, German and English.
pub const IMPRINT_DE: &str = r#"## Angaben gemäß § 5 DDG

Nordlicht Software GmbH\
Große Ulrichstraße 12\
06108 Halle (Saale)

**Vertreten durch:** Katrin Wendt und Ole Brandt, Geschäftsführung

## Kontakt

E-Mail: hallo@nordlicht.example.org\
Telefon: +49 345 000 000 0

## Registereintrag

Amtsgericht Stendal, HRB 00000

## Umsatzsteuer-ID

DE 000 000 000

*Diese Angaben sind erfunden: Nordlicht Software GmbH ist die Beispielfirma der Grillplatz-Demo.*
"#;

pub const IMPRINT_EN: &str = r#"## Information according to § 5 DDG

Nordlicht Software GmbH\
Große Ulrichstraße 12\
06108 Halle (Saale), Germany

**Represented by:** Katrin Wendt and Ole Brandt, managing directors

## Contact

Email: hallo@nordlicht.example.org\
Phone: +49 345 000 000 0

## Register entry

Amtsgericht Stendal, HRB 00000

## VAT ID

DE 000 000 000

*These details are made up: Nordlicht Software GmbH is the Grillplatz demo's sample company.*
"#;

/// Who is responsible, for the privacy notice that ships with the site.
pub const CONTROLLER_DE: &str = "Nordlicht Software GmbH, Große Ulrichstraße 12, 06108 Halle (Saale), datenschutz@nordlicht.example.org";
pub const CONTROLLER_EN: &str = "Nordlicht Software GmbH, Große Ulrichstraße 12, 06108 Halle (Saale), Germany, datenschutz@nordlicht.example.org";
