# Importing contacts from CSV and exporting them as CSV (admin area).
import-title = Import contacts
import-intro = Upload a CSV file, for example an export from Excel, LibreOffice or your CRM. Before anything is saved, you see what will happen to every row.
import-export = Export all contacts as CSV
import-file = CSV file
import-file-hint = At most 5 MB and 20,000 rows. The first row must hold the column names. Separated by commas, semicolons or tabs; encoded as UTF-8, UTF-16 or Windows-1252.
import-check = Check file
import-columns-title = Columns we recognize
import-columns-email = Email address (required): "Email", "E-Mail", "Mail" or "Email address"
import-columns-name = Name: "Name" or "Full name" – or "First name" and "Last name", which we join
import-columns-language = Language: "Language", "Lang" or "Sprache" with de, en, German or English; German if empty
import-columns-organization = Organization: "Organization", "Company", "Firma" or "Unternehmen"
import-columns-tags = Tags: "Tags", "Labels" or "Schlagworte", several separated by commas, semicolons or |
import-rules = Addresses that unsubscribed or bounced before are never imported. Existing contacts get the name, organization and language from the file where it has them, and the file's tags are added; their status and preferences stay as they are. New contacts receive invitations but no post announcements.

import-error-no-file = Please choose a CSV file.
import-error-empty = The file is empty.
import-error-too-big = The file is larger than 5 MB. Please split it into several files.
import-error-spreadsheet = This is an Excel workbook, not a CSV file. In Excel, use "Save As" with the type "CSV UTF-8" and upload that file.
import-error-not-text = The file cannot be read as text – is it really a CSV file? Saving it as "CSV UTF-8" works best.
import-error-missing-header = The first row already holds an email address, so the header row is missing. Please add a first row with the column names, such as "Email,Name".
import-error-no-email-column = We found no column with email addresses. The first row holds: { $name }. Name the column with the addresses "Email", for example.
import-error-no-rows = The file holds only the header row and no contacts.
import-error-too-many-rows = The file has more than { $total } rows. Please split it into several files.
import-error-unreadable = Line { $position } cannot be read.
import-error-gone = This preview no longer exists; maybe it has been imported already. Please upload the file again.

import-preview-title = Import preview
import-report-title = Import finished
import-other-file = Upload another file
import-filename = File
import-encoding = Encoding
import-encoding-utf8 = UTF-8 (without BOM)
import-encoding-utf8-bom = UTF-8 with BOM
import-encoding-utf16le = UTF-16 LE with BOM
import-encoding-utf16be = UTF-16 BE with BOM
import-encoding-windows1252 = Windows-1252 (Western European, e.g. from older Excel versions)
import-delimiter = Delimiter
import-delimiter-comma = Comma
import-delimiter-semicolon = Semicolon
import-delimiter-tab = Tab
import-delimiter-pipe = Vertical bar
import-columns-found = Recognized columns
import-column-email = Email address
import-column-name = Full name
import-column-first-name = First name
import-column-last-name = Last name
import-column-language = Language
import-column-organization = Organization
import-column-tags = Tags
import-column-ignored = ignored

import-count-create = New contacts
import-count-update = Existing contacts
import-count-skip = Skipped
import-reason-duplicate = Duplicates in the file
import-reason-unsubscribed = Unsubscribed or bounced before
import-reason-too-long = Field too long

import-confirm-hint = Nothing has been saved yet. Unsubscribed addresses stay unsubscribed.
import-submit = { $count ->
    [one] Import one contact
   *[other] Import { $count } contacts
}
import-nothing = There is nothing to import in this file.
import-shown = Shown: every row that does not create a new contact, and the first { $count } of { $total } new contacts.
import-table-line = Line
import-table-outcome = Outcome

import-outcome-create = Will be created
import-outcome-update = Will be updated
import-outcome-skip = Will be skipped
import-outcome-created = Created
import-outcome-updated = Updated
import-outcome-skipped = Skipped
import-skip-missing = No email address
import-skip-malformed = Malformed email address
import-skip-duplicate = Duplicate: the same address is already in line { $position }
import-skip-unsubscribed = Unsubscribed before and will not be subscribed again
import-skip-bounced = The address bounced before and will not be imported
import-skip-too-long = Too long: { $name }
import-note-language = Unknown language "{ $name }" is ignored
