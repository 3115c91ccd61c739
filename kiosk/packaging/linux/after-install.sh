#!/bin/sh
# The kiosk talks to serial readers and printers: the kiosk user must be in `dialout`.
set -e
echo "Les Balises Kiosk installed. Add the kiosk user to the dialout group for serial RFID readers and printers,"
echo "and copy packaging/linux/les-balises-kiosk.service to ~/.config/systemd/user/ to restart the kiosk if it stops."
