/*
 * Calendar files (.ics) as libical reads them (the parser behind Evolution and KDE's
 * calendars, among others). For each file:
 *
 *   - icalparser_parse_string() must give one VCALENDAR;
 *   - icalrestriction_check() adds RFC 5546 (iTIP) restriction errors for the
 *     calendar's METHOD (a missing UID or DTSTAMP, an ORGANIZER that PUBLISH needs,
 *     properties that occur too often, ...) as X-LIC-ERROR properties; each
 *     component is checked, not only up to the first that fails;
 *   - every X-LIC-ERROR property (parse errors of values, parameters and lines, and
 *     those restriction errors) is a problem;
 *   - every TZID parameter must name a VTIMEZONE of the calendar.
 *
 *   ical_check FILE...
 *
 * Prints tab-separated lines: "FILE\tproblem\tWHERE\tMESSAGE" for each problem and
 * "FILE\tdone\tEVENTS\tPROBLEMS" last for each file. Exits 0 when it could look at
 * every file (problems or not), 2 on wrong usage. Built by scripts/check-clients with
 * `gcc ical_check.c $(pkg-config --cflags --libs libical)`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

/* Tabs and line breaks would break the output format. */
static void put_clean(const char *text)
{
    for (const char *c = text ? text : ""; *c; c++) putchar(*c == '\t' || *c == '\r' || *c == '\n' ? ' ' : *c);
}

static void problem(const char *file, const char *where, const char *message, int *count)
{
    fputs(file, stdout);
    fputs("\tproblem\t", stdout);
    put_clean(where);
    putchar('\t');
    put_clean(message);
    putchar('\n');
    (*count)++;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t size = 0, cap = 65536;
    char *buf = malloc(cap + 1);
    size_t n;
    while (buf && (n = fread(buf + size, 1, cap - size, f)) > 0) {
        size += n;
        if (size == cap) {
            cap *= 2;
            char *bigger = realloc(buf, cap + 1);
            if (!bigger) { free(buf); buf = NULL; }
            else buf = bigger;
        }
    }
    fclose(f);
    if (buf) buf[size] = '\0';
    return buf;
}

/* "VEVENT 2 (its SUMMARY)" for messages: the second VEVENT among its siblings. */
static void describe(icalcomponent *comp, char *out, size_t size)
{
    icalcomponent_kind kind = icalcomponent_isa(comp);
    int index = 1;
    icalcomponent *parent = icalcomponent_get_parent(comp);
    if (parent) {
        index = 0;
        for (icalcomponent *c = icalcomponent_get_first_component(parent, kind); c;
             c = icalcomponent_get_next_component(parent, kind)) {
            index++;
            if (c == comp) break;
        }
    }
    const char *name = icalcomponent_kind_to_string(kind);
    icalproperty *summary = icalcomponent_get_first_property(comp, ICAL_SUMMARY_PROPERTY);
    if (summary)
        snprintf(out, size, "%s %d (%s)", name ? name : "?", index, icalproperty_get_summary(summary));
    else
        snprintf(out, size, "%s %d", name ? name : "?", index);
}

/*
 * Walks `comp` (and its children when `deep`): X-LIC-ERROR properties, and TZID
 * parameters that name no VTIMEZONE of `root`. `where` names `comp` in messages.
 */
static void walk(const char *file, icalcomponent *root, icalcomponent *comp, const char *where, int deep, int *count)
{
    for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_ANY_PROPERTY); p;
         p = icalcomponent_get_next_property(comp, ICAL_ANY_PROPERTY)) {
        if (icalproperty_isa(p) == ICAL_XLICERROR_PROPERTY) {
            char message[1200];
            icalparameter *type = icalproperty_get_first_parameter(p, ICAL_XLICERRORTYPE_PARAMETER);
            snprintf(message, sizeof message, "X-LIC-ERROR %s: %s",
                     type ? icalparameter_enum_to_string(icalparameter_get_xlicerrortype(type)) : "",
                     icalproperty_get_xlicerror(p));
            problem(file, where, message, count);
            continue;
        }
        for (icalparameter *par = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER); par;
             par = icalproperty_get_next_parameter(p, ICAL_TZID_PARAMETER)) {
            const char *tzid = icalparameter_get_tzid(par);
            if (tzid && !icalcomponent_get_timezone(root, tzid)) {
                char message[400];
                snprintf(message, sizeof message, "%s uses TZID %s without a VTIMEZONE for it",
                         icalproperty_get_property_name(p), tzid);
                problem(file, where, message, count);
            }
        }
    }
    if (!deep) return;
    for (icalcomponent *c = icalcomponent_get_first_component(comp, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(comp, ICAL_ANY_COMPONENT)) {
        char inner[300], path[620];
        describe(c, inner, sizeof inner);
        snprintf(path, sizeof path, "%s > %s", where, inner);
        walk(file, root, c, path, 1, count);
    }
}

/* A copy of the calendar's own properties (METHOD included), without its components. */
static icalcomponent *shell_of(icalcomponent *root)
{
    icalcomponent *shell = icalcomponent_new_clone(root);
    icalcomponent *c;
    while ((c = icalcomponent_get_first_component(shell, ICAL_ANY_COMPONENT)) != NULL) {
        icalcomponent_remove_component(shell, c);
        icalcomponent_free(c);
    }
    return shell;
}

static void check(const char *file)
{
    int count = 0, events = 0;
    char *text = read_file(file);
    if (!text) {
        problem(file, "file", "cannot read it", &count);
    } else {
        icalcomponent *root = icalparser_parse_string(text);
        if (!root) {
            problem(file, "file", "libical could not parse it (no component)", &count);
        } else if (icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
            char message[200];
            snprintf(message, sizeof message, "libical parsed %s, not one VCALENDAR (text around it, or several calendars?)",
                     icalcomponent_kind_to_string(icalcomponent_isa(root)));
            problem(file, "file", message, &count);
        } else {
            events = icalcomponent_count_components(root, ICAL_VEVENT_COMPONENT);
            /*
             * icalrestriction_check() stops at the first component that fails (and skips
             * all of them when the VCALENDAR itself fails), so each component is checked
             * on its own, inside a copy of the calendar's properties.
             */
            icalcomponent *shell = shell_of(root);
            icalcomponent *own = icalcomponent_new_clone(shell);
            icalrestriction_check(own);
            walk(file, root, own, "VCALENDAR", 0, &count);
            icalcomponent_free(own);
            for (icalcomponent *c = icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT); c;
                 c = icalcomponent_get_next_component(root, ICAL_ANY_COMPONENT)) {
                icalcomponent *one = icalcomponent_new_clone(shell);
                icalcomponent *child = icalcomponent_new_clone(c);
                icalcomponent_add_component(one, child);
                icalrestriction_check(one);
                char where[300];
                describe(c, where, sizeof where); /* the original: its place among its siblings */
                walk(file, root, child, where, 1, &count);
                icalcomponent_free(one);
            }
            icalcomponent_free(shell);
        }
        if (root) icalcomponent_free(root);
        free(text);
    }
    printf("%s\tdone\t%d\t%d\n", file, events, count);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: ical_check FILE...\n", stderr);
        return 2;
    }
    icalerror_set_errors_are_fatal(0);
    for (int i = 1; i < argc; i++) check(argv[i]);
    return 0;
}
