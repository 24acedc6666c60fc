import iconv from 'iconv-lite'

/** A member file as Danish Excel saves it: `;`, CRLF, a trailing empty column. One string a record. */
export function memberFile(lines: string[]) {
  return lines.map((line) => `${line};`).join('\r\n') + '\r\n'
}

export const FOUNDERS_FILE = memberFile([
  'Navn;Type;CVR;EAN;Adresse;Postnr;By;Kontaktperson;E-mail;Telefon;Indmeldt',
  'LIVSVÆRK;Forening;10150817;;"Nørregade 7; 2. sal";1165;København K;Lene Larsen;kontakt@livsvaerk.example.org;+45 20 11 22 33;15-01-2021',
  'Dansk Socialrådgiverforening;Fagforening;;;Toldbodgade 19B;1253;København K;Dorte Dahl;kontakt@socialraadgiverne.example.org;;15-01-2021',
  '',
  'Eksempelby Kommune;Kommune;;5798000123458;"Rådhuspladsen 1\r\nIndgang B";800;Høje-Taastrup;Karin Kristensen;boern.unge@eksempelby.example.org;;01-03-2026',
  'Center for Praksisforskning;Forlag;;;;5230;Odense M;Peter Poulsen;praksis@forskning.example.org;;',
])

export function encode(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252') {
  if (encoding === 'windows-1252') return iconv.encode(text, 'win1252')
  const bytes = Buffer.from(text, 'utf8')
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes
}
