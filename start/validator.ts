/*
| VineJS defaults: form values arrive as strings, and "" means "not given".
*/
import vine from '@vinejs/vine'

vine.convertEmptyStringsToNull = true
