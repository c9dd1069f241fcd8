# Kontakte aus CSV importieren und als CSV exportieren (Verwaltung).
import-title = Kontakte importieren
import-intro = Lade eine CSV-Datei hoch, zum Beispiel einen Export aus Excel, LibreOffice oder deinem CRM. Bevor etwas gespeichert wird, zeigen wir dir für jede Zeile, was mit ihr passiert.
import-export = Alle Kontakte als CSV exportieren
import-file = CSV-Datei
import-file-hint = Höchstens 5 MB und 20.000 Zeilen. In der ersten Zeile müssen die Spaltennamen stehen. Trennzeichen: Komma, Semikolon oder Tabulator; Zeichenkodierung: UTF-8, UTF-16 oder Windows-1252.
import-check = Datei prüfen
import-columns-title = Diese Spalten erkennen wir
import-columns-email = E-Mail-Adresse (Pflicht): „E-Mail“, „Email“, „Mail“ oder „E-Mail-Adresse“
import-columns-name = Name: „Name“ oder „Vollständiger Name“ – oder „Vorname“ und „Nachname“, die wir zusammensetzen
import-columns-language = Sprache: „Sprache“, „Language“ oder „Lang“ mit de, en, Deutsch oder Englisch; ohne Angabe Deutsch
import-columns-organization = Organisation: „Organisation“, „Firma“, „Unternehmen“ oder „Company“
import-columns-tags = Schlagwörter: „Tags“, „Schlagworte“ oder „Labels“, mehrere durch Komma, Semikolon oder | getrennt
import-rules = Wer sich schon einmal abgemeldet hat oder dessen Adresse unzustellbar war, wird nicht importiert. Bei bestehenden Kontakten übernehmen wir Name, Organisation und Sprache aus der Datei, sofern dort etwas steht, und ergänzen die Schlagwörter; Status und Einstellungen bleiben, wie sie sind. Neue Kontakte bekommen Einladungen, aber keine Beitragsankündigungen.

import-error-no-file = Bitte wähle eine CSV-Datei aus.
import-error-empty = Die Datei ist leer.
import-error-too-big = Die Datei ist größer als 5 MB. Bitte teile sie auf mehrere Dateien auf.
import-error-spreadsheet = Das ist eine Excel-Arbeitsmappe, keine CSV-Datei. Speichere sie in Excel über „Speichern unter“ als „CSV UTF-8“ und lade dann diese Datei hoch.
import-error-not-text = Die Datei lässt sich nicht als Text lesen – ist es wirklich eine CSV-Datei? Speichere sie am besten als „CSV UTF-8“.
import-error-missing-header = In der ersten Zeile steht schon eine E-Mail-Adresse, die Kopfzeile fehlt. Füge bitte oben eine Zeile mit den Spaltennamen ein, zum Beispiel „E-Mail;Name“.
import-error-no-email-column = Wir haben keine Spalte mit E-Mail-Adressen gefunden. Die erste Zeile enthält: { $name }. Nenne die Spalte mit den Adressen zum Beispiel „E-Mail“.
import-error-no-rows = Die Datei enthält nur die Kopfzeile und keine Kontakte.
import-error-too-many-rows = Die Datei hat mehr als { $total } Zeilen. Bitte teile sie auf mehrere Dateien auf.
import-error-unreadable = Zeile { $position } lässt sich nicht lesen.
import-error-gone = Diese Vorschau gibt es nicht mehr, vielleicht ist sie schon importiert. Lade die Datei bitte noch einmal hoch.

import-preview-title = Vorschau des Imports
import-report-title = Import abgeschlossen
import-other-file = Andere Datei hochladen
import-filename = Datei
import-encoding = Zeichenkodierung
import-encoding-utf8 = UTF-8 (ohne BOM)
import-encoding-utf8-bom = UTF-8 mit BOM
import-encoding-utf16le = UTF-16 LE mit BOM
import-encoding-utf16be = UTF-16 BE mit BOM
import-encoding-windows1252 = Windows-1252 (Westeuropäisch, z. B. aus älteren Excel-Versionen)
import-delimiter = Trennzeichen
import-delimiter-comma = Komma
import-delimiter-semicolon = Semikolon
import-delimiter-tab = Tabulator
import-delimiter-pipe = Senkrechter Strich
import-columns-found = Erkannte Spalten
import-column-email = E-Mail-Adresse
import-column-name = Vollständiger Name
import-column-first-name = Vorname
import-column-last-name = Nachname
import-column-language = Sprache
import-column-organization = Organisation
import-column-tags = Schlagwörter
import-column-ignored = wird ignoriert

import-count-create = Neue Kontakte
import-count-update = Bestehende Kontakte
import-count-skip = Übersprungen
import-reason-duplicate = Doppelt in der Datei
import-reason-unsubscribed = Früher abgemeldet oder unzustellbar
import-reason-too-long = Feld zu lang

import-confirm-hint = Bis jetzt ist nichts gespeichert. Abgemeldete Adressen bleiben abgemeldet.
import-submit = { $count ->
    [one] Einen Kontakt importieren
   *[other] { $count } Kontakte importieren
}
import-nothing = In dieser Datei gibt es nichts zu importieren.
import-shown = Angezeigt werden alle Zeilen, die keinen neuen Kontakt anlegen, und die ersten { $count } von { $total } neuen Kontakten.
import-table-line = Zeile
import-table-outcome = Ergebnis

import-outcome-create = Wird angelegt
import-outcome-update = Wird aktualisiert
import-outcome-skip = Wird übersprungen
import-outcome-created = Angelegt
import-outcome-updated = Aktualisiert
import-outcome-skipped = Übersprungen
import-skip-missing = Keine E-Mail-Adresse
import-skip-malformed = Ungültige E-Mail-Adresse
import-skip-duplicate = Doppelt: dieselbe Adresse steht schon in Zeile { $position }
import-skip-unsubscribed = Hat sich früher abgemeldet und wird nicht wieder angemeldet
import-skip-bounced = Adresse war unzustellbar und wird nicht importiert
import-skip-too-long = Zu lang: { $name }
import-note-language = Unbekannte Sprache „{ $name }“ wird ignoriert
