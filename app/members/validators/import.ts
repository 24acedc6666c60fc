import vine from '@vinejs/vine'

export const importUploadValidator = vine.create({
  file: vine.file({ size: '10mb', extnames: ['csv', 'txt'] }),
})

export const importConfirmValidator = vine.create({
  upload: vine.string().uuid(),
  file_name: vine.string().trim().maxLength(200),
})
