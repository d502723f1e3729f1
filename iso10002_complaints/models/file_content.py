# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a complainant's file really is, judged by its content (magic bytes).

A file is accepted only when its content is of the family its extension
names (a ``.pdf`` starts with ``%PDF-``, a ``.docx`` is an Office Open XML
package of a word processing document, a ``.txt`` is valid text...).
Programs, scripts and active content (HTML, SVG, XML) are refused whatever
their name. Standard library and :func:`odoo.tools.mimetypes.guess_mimetype`
only: no libmagic needed.
"""

import io
import zipfile

from odoo.tools.mimetypes import guess_mimetype

# content that is refused whatever the file is called
EXECUTABLE_SIGNATURES = (
    b"\x7fELF",  # Linux, BSD executables and libraries
    b"MZ",  # Windows executables, DLLs
    b"\xfe\xed\xfa\xce",  # Mach-O (macOS)
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal binaries, Java classes
    b"#!",  # scripts
    b"\x00asm",  # WebAssembly
    b"dex\n",  # Android
)
FORBIDDEN_MIMETYPE_PARTS = (
    "html",
    "svg",
    "xml",
    "javascript",
    "ecmascript",
    "x-sh",
    "shellscript",
    "x-dosexec",
    "x-msdownload",
    "x-executable",
    "x-elf",
    "x-sharedlib",
    "x-pie-executable",
    "x-object",
    "portable-executable",
    "x-mach-binary",
    "java-archive",
    "x-msi",
    "x-bat",
    "x-python",
    "x-perl",
    "php",
)
# markup a browser would render as a page, if found at the start of text
MARKUP_STARTS = (b"<", b"\xef\xbb\xbf<")
ISO_BMFF_IMAGE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1"}
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# OLE streams that name each legacy Office document, in UTF-16 as stored
OLE_STREAMS = {
    "doc": ("WordDocument",),
    "xls": ("Workbook", "Book"),
    "ppt": ("PowerPoint Document",),
}
OOXML_PARTS = {
    "docx": (
        "word/",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "xl/",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pptx": (
        "ppt/",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}
ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
LEGACY_OFFICE_TYPES = {
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
}
TEXT_TYPES = {
    "txt": "text/plain",
    "csv": "text/csv",
    "eml": "message/rfc822",
}


def is_active_content(data):
    """Programs, scripts and pages, whatever the file is called."""
    head = data[:4096]
    if head.startswith(EXECUTABLE_SIGNATURES):
        return True
    stripped = head.lstrip()
    if stripped.startswith(MARKUP_STARTS):
        return True
    lowered = stripped[:1024].lower()
    if any(tag in lowered for tag in (b"<script", b"<html", b"<svg", b"<!doctype")):
        return True
    mimetype = guess_mimetype(data, default="application/octet-stream") or ""
    if mimetype.startswith("application/vnd.openxmlformats"):
        return False  # Office documents: XML inside a ZIP, checked as such
    return any(part in mimetype for part in FORBIDDEN_MIMETYPE_PARTS)


def _iso_bmff_brand(data):
    """The major brand of an ISO media file (MP4, MOV, M4A, HEIC)."""
    if data[4:8] == b"ftyp":
        return data[8:12]
    return None


def _zip_names(data):
    try:
        with io.BytesIO(data) as buffer, zipfile.ZipFile(buffer) as archive:
            names = archive.namelist()
            mimetype = (
                archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                if "mimetype" in names
                else None
            )
            return names, mimetype
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None, None


def _ooxml_type(data, extension):
    if not data.startswith(b"PK\x03\x04"):
        return None
    names, _mimetype = _zip_names(data)
    if not names or "[Content_Types].xml" not in names:
        return None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return None  # macros: refused, whatever the extension says
    folder, mimetype = OOXML_PARTS[extension]
    if any(name.startswith(folder) for name in names):
        return mimetype
    return None


def _odf_type(data, extension):
    if not data.startswith(b"PK\x03\x04"):
        return None
    names, mimetype = _zip_names(data)
    if names and mimetype == ODF_TYPES[extension]:
        if any(name.lower().startswith("basic/") for name in names):
            return None  # macros
        return mimetype
    return None


def _legacy_office_type(data, extension):
    if not data.startswith(OLE_SIGNATURE):
        return None
    # an OLE container is also what Windows installers (.msi) are: the
    # document's own stream must be there
    if any(name.encode("utf-16-le") in data for name in OLE_STREAMS[extension]):
        return LEGACY_OFFICE_TYPES[extension]
    return None


def _text_type(data, extension):
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None
    if any(ord(char) < 32 and char not in "\t\n\r\f" for char in text):
        return None
    return TEXT_TYPES[extension]


def _signature_type(signatures, mimetype):
    def check(data, extension):
        return mimetype if data.startswith(signatures) else None

    return check


def _riff_type(kind, mimetype):
    def check(data, extension):
        return mimetype if data[:4] == b"RIFF" and data[8:12] == kind else None

    return check


def _bmff_type(mimetype, image):
    def check(data, extension):
        brand = _iso_bmff_brand(data)
        if brand is None and not image and data[4:8] in (b"moov", b"mdat", b"wide"):
            return mimetype  # QuickTime without a file type box
        if brand is None or (brand in ISO_BMFF_IMAGE_BRANDS) != image:
            return None
        return mimetype

    return check


def _mp3_type(data, extension):
    if data.startswith(b"ID3") or (
        len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0
    ):
        return "audio/mpeg"
    return None


# extension: check(data, extension) -> mimetype the content proves, or None
CONTENT_CHECKS = {
    "pdf": _signature_type((b"%PDF-",), "application/pdf"),
    "png": _signature_type((b"\x89PNG\r\n\x1a\n",), "image/png"),
    "jpg": _signature_type((b"\xff\xd8\xff",), "image/jpeg"),
    "jpeg": _signature_type((b"\xff\xd8\xff",), "image/jpeg"),
    "gif": _signature_type((b"GIF87a", b"GIF89a"), "image/gif"),
    "bmp": _signature_type((b"BM",), "image/bmp"),
    "tif": _signature_type((b"II*\x00", b"MM\x00*"), "image/tiff"),
    "tiff": _signature_type((b"II*\x00", b"MM\x00*"), "image/tiff"),
    "webp": _riff_type(b"WEBP", "image/webp"),
    "heic": _bmff_type("image/heic", image=True),
    "rtf": _signature_type((b"{\\rtf",), "application/rtf"),
    "doc": _legacy_office_type,
    "xls": _legacy_office_type,
    "ppt": _legacy_office_type,
    "docx": _ooxml_type,
    "xlsx": _ooxml_type,
    "pptx": _ooxml_type,
    "odt": _odf_type,
    "ods": _odf_type,
    "odp": _odf_type,
    "txt": _text_type,
    "csv": _text_type,
    "eml": _text_type,
    "mp3": _mp3_type,
    "m4a": _bmff_type("audio/mp4", image=False),
    "wav": _riff_type(b"WAVE", "audio/wav"),
    "ogg": _signature_type((b"OggS",), "audio/ogg"),
    "mp4": _bmff_type("video/mp4", image=False),
    "mov": _bmff_type("video/quicktime", image=False),
    "webm": _signature_type((b"\x1a\x45\xdf\xa3",), "video/webm"),
}


def content_mimetype(data, extension):
    """The mimetype ``data`` proves for a file named ``*.extension``.

    ``None`` if the content is not of the extension's family, if the
    extension is unknown here, or if the content is a program, a script or
    a page (whatever the extension).
    """
    check = CONTENT_CHECKS.get((extension or "").lower())
    if not check or not data:
        return None
    mimetype = check(data, extension.lower())
    if not mimetype:
        return None
    # a binary container may hold anything after its signature; text and
    # files judged by a short signature must not be pages or programs too
    if extension.lower() in TEXT_TYPES and is_active_content(data):
        return None
    if data.startswith(EXECUTABLE_SIGNATURES):
        return None
    return mimetype
