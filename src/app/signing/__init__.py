"""Signing and verifying returns: the PDF (PAdES), the workbook, the upload package.

Modules, each imported only when needed (pyHanko alone costs ~0.4 s to import):
`crypto` (signatures over bytes, certificates), `pdf_sign`, `workbook_sign`,
`package` (the zip and its safe reading) and `verify` (`jindu verify`).
"""
