-- Pages organizers write, published at /{lang}/{slug}/. The site ships the Impressum
-- and the privacy notice in both languages, linked as translations, marked "to be filled
-- in"; after_migrations renders their Markdown. Keep in step with the other tree.
CREATE TABLE pages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    body_md TEXT NOT NULL,
    body_html TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    nav TEXT NOT NULL CHECK (nav IN ('none', 'header', 'footer')),
    position INTEGER NOT NULL DEFAULT 0,
    translation_key TEXT,
    role TEXT CHECK (role IN ('imprint', 'privacy')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (lang, slug),
    UNIQUE (translation_key, lang),
    UNIQUE (role, lang)
);
INSERT INTO pages (lang, slug, title, body_md, body_html, status, nav, position,
                   translation_key, role, created_at, updated_at) VALUES
('de', 'impressum', 'Impressum', '> **Noch auszufüllen:** Trag hier ein, wer hinter dieser Website steht, und lösch danach diesen Hinweis. Ein Impressum braucht nach § 5 DDG mindestens die folgenden Angaben.

## Angaben gemäß § 5 DDG

[Name der Firma oder des Vereins – noch auszufüllen]\
[Straße und Hausnummer – noch auszufüllen]\
[PLZ und Ort – noch auszufüllen]

**Vertreten durch:** [Geschäftsführung oder Vorstand – noch auszufüllen]

## Kontakt

E-Mail: [Adresse – noch auszufüllen]\
Telefon: [Nummer – noch auszufüllen]

## Registereintrag

[Registergericht und Registernummer, falls vorhanden – noch auszufüllen]

## Umsatzsteuer-ID

[USt-IdNr. nach § 27a UStG, falls vorhanden – noch auszufüllen]
', '', 'published', 'footer', 10, 'page-legal-imprint', 'imprint', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('en', 'legal-notice', 'Legal notice', '> **To be filled in:** enter who runs this website, then delete this note. German law (§ 5 DDG) requires at least the details below.

## Information according to § 5 DDG

[Company or association name – to be filled in]\
[Street and number – to be filled in]\
[Postcode and town – to be filled in]

**Represented by:** [managing director or board – to be filled in]

## Contact

Email: [address – to be filled in]\
Phone: [number – to be filled in]

## Register entry

[Register court and number, if any – to be filled in]

## VAT ID

[VAT identification number, if any – to be filled in]
', '', 'published', 'footer', 10, 'page-legal-imprint', 'imprint', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('de', 'datenschutz', 'Datenschutz', '> **Noch auszufüllen:** Ergänze, wer verantwortlich ist, und prüf den Text, bevor die Seite online geht. Danach lösch diesen Hinweis. Die Liste unten beschreibt, was Grillplatz tatsächlich speichert.

## Verantwortlich

[Name, Anschrift und E-Mail-Adresse der verantwortlichen Stelle – noch auszufüllen]

Wir speichern nur, was diese Website braucht, und geben nichts an Dritte weiter. Es gibt keine Tracking- oder Werbe-Cookies und keine eingebundenen fremden Inhalte.

## Was wir speichern und wie lange

- **Anmeldungen zu Veranstaltungen:** Name, E-Mail-Adresse, Sprache, Zahl der Gäste, Essenswünsche, Anmerkungen und wann du eingewilligt hast. Sie bleiben gespeichert, bis du sie löschen lässt; bei einer Löschung bleiben nur Status, Gäste und Essenswünsche ohne Namen für die Planung. Die Links zum Bestätigen und Verwalten verfallen und werden eine Woche nach Ablauf gelöscht.
- **Themen und Notizen** auf den Themenboards: dein Name steht neben deinem Vorschlag. Bei einer Löschung bleibt der Text, der Name geht.
- **Newsletter und Kontakte:** E-Mail-Adresse, Name, Organisation, Sprache, welche E-Mails du bekommen möchtest, sowie Zeitpunkt, Weg und Wortlaut deiner Einwilligung. Nach einer Abmeldung bekommst du nichts mehr; gelöscht wird der Eintrag, wenn du es verlangst.
- **Kommentare:** Name, E-Mail-Adresse, Text und Zeitpunkt. Name und Text sind öffentlich, die E-Mail-Adresse nicht: Mit ihr schalten wir spätere Kommentare von dir ohne Prüfung frei. Sie bleiben gespeichert, bis du sie löschen lässt.
- **Versendete E-Mails:** Empfänger, Betreff und Text jeder E-Mail, die die Website verschickt (Bestätigungen, Erinnerungen, Newsletter), bis du sie löschen lässt.
- **Sperrliste:** Lässt du deine Daten löschen, behalten wir nur einen Hashwert deiner Adresse, damit wir dir nie wieder schreiben.
- **Schutz vor Missbrauch:** Zähler für Anmeldungen, Kommentare, Themenvorschläge und Login-Versuche, unter anderem je IP-Adresse. Sie werden einen Tag nach Ablauf ihres Zeitfensters gelöscht.
- **Cookies:** ein Cookie für die gewählte Sprache (ein Jahr) und ein technisch notwendiges Sitzungs-Cookie, das Formulare vor Missbrauch schützt. Sitzungen des Orga-Teams enden nach 12 Stunden ohne Aktivität, spätestens nach 14 Tagen.
- **Server-Protokoll:** pro Anfrage Methode, Art der Seite, Status und Dauer – keine IP-Adressen und keine Adressen der aufgerufenen Seiten.

## Deine Rechte

Du kannst jederzeit erfahren, was wir über deine E-Mail-Adresse speichern, und alles löschen lassen. Schreib uns einfach eine E-Mail; das Orga-Team stellt dir dann alle Daten zu deiner Adresse zusammen oder löscht sie.
', '', 'published', 'footer', 20, 'page-legal-privacy', 'privacy', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('en', 'privacy', 'Privacy', '> **To be filled in:** add who is responsible and check the text before the page goes live, then delete this note. The list below describes what Grillplatz really stores.

## Who is responsible

[Name, address and email address of the controller – to be filled in]

We store only what this website needs, and we share nothing with third parties. There are no tracking or advertising cookies and no embedded third-party content.

## What we store and for how long

- **Event registrations:** name, email address, language, number of guests, dietary wishes, notes and when you gave your consent. They stay until you ask us to delete them; after deletion only status, guests and dietary wishes stay, without a name, for planning. The links to confirm and manage expire and are deleted a week after they expire.
- **Topics and notes** on the topic boards: your name appears next to your proposal. On deletion the text stays and the name goes.
- **Newsletter and contacts:** email address, name, organization, language, which emails you want, and when, how and with which words you consented. After unsubscribing you get nothing more; the entry is deleted when you ask for it.
- **Comments:** name, email address, text and time. Name and text are public, the email address is not: we use it to publish your later comments without holding them for review. They stay until you ask us to delete them.
- **Emails sent:** recipient, subject and text of every email the website sends (confirmations, reminders, newsletters), until you ask us to delete them.
- **Suppression list:** if you have your data deleted, we keep only a hash of your address so we never write to you again.
- **Abuse protection:** counters for registrations, comments, topic proposals and login attempts, among others per IP address. They are deleted one day after their time window ends.
- **Cookies:** one cookie for your chosen language (one year) and one strictly necessary session cookie that protects forms against abuse. Organizer sessions end after 12 hours without activity, after 14 days at the latest.
- **Server log:** per request the method, the kind of page, the status and the duration – no IP addresses and no addresses of the pages requested.

## Your rights

You may ask at any time what we store about your email address, or have all of it deleted. Just send us an email; the organizers then put together everything stored about your address or erase it.
', '', 'published', 'footer', 20, 'page-legal-privacy', 'privacy', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
