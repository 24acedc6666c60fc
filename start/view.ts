/*
| Helpers every Edge view may use. Formatting that depends on the reader's
| language is shared per request by the locale middleware.
*/
import edge from 'edge.js'
import { formatDate, formatDateTime, formatKroner } from '#shared/formatting'

edge.global('formatKroner', formatKroner)
edge.global('formatDate', formatDate)
edge.global('formatDateTime', formatDateTime)
