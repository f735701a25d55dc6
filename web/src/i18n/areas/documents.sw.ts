import type { en } from "./documents";

export const sw: Record<keyof typeof en, string> = {
  "docs.receiptPdf": "Pakua risiti ya PDF",
  "docs.title": "Picha na nyaraka",
  "docs.attach": "Ambatisha picha au PDF",
  "docs.attachHint": "Hufungua kamera kwenye simu. Picha hupunguzwa ukubwa kabla ya kutumwa.",
  "docs.preparing": "Inapunguza ukubwa wa picha…",
  "docs.uploading": "Inapakia… {percent}%",
  "docs.progress": "Maendeleo ya kupakia",
  "docs.uploaded": "“{name}” imeambatishwa kwenye mauzo haya.",
  "docs.none": "Bado hakuna kilichoambatishwa.",
  "docs.list": "Vilivyoambatishwa kwenye mauzo haya",
  "docs.remove": "Futa",
  "docs.meta": "{size} · {when}",
  "docs.delete": "Futa {name}",
  "docs.confirmDelete": "Futa “{name}”? Hili haliwezi kutenduliwa.",
  "docs.deleted": "“{name}” imefutwa.",
  "docs.usageTitle": "Picha na nyaraka",
  "docs.usage": "Faili: {count}. Ukubwa wote: {size}. Zimehifadhiwa kwa usimbaji fiche.",
  "docs.usageNone": "Bado hakuna picha wala nyaraka zilizohifadhiwa.",
  "error.too_large": "Faili hili ni kubwa mno. Piga picha kwa ukubwa mdogo au gawanya PDF.",
  "error.unsupported_file_type": "Faili hili si picha (JPEG, PNG, WebP, HEIC) wala PDF.",
};
