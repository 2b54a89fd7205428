#!/usr/bin/env bash
# Extract every _() / N_() / ngettext() / lazy_ngettext() string into messages.pot and merge it into kk and ru.
set -euo pipefail
cd "$(dirname "$0")/.."
# pybabel writes through a fixed temporary name: two runs at once can lose a catalog.
exec 9>translations/.update.lock
flock 9
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
"$PYBABEL" extract --no-location --sort-output -w 100 -F translations/babel.cfg -k _ -k N_ -k ngettext:1,2 -k lazy_ngettext:1,2 \
  --project=Metodsovet --copyright-holder="Metodsovet" -o translations/messages.pot desktop_app >/dev/null
for lang in kk ru; do
  po=translations/$lang/LC_MESSAGES/messages.po
  if [ -f "$po" ]; then
    "$PYBABEL" update --no-fuzzy-matching --ignore-obsolete -w 100 -i translations/messages.pot -l "$lang" -o "$po" >/dev/null
  else
    "$PYBABEL" init -w 100 -i translations/messages.pot -l "$lang" -o "$po" >/dev/null
  fi
done
