import type { en } from "./documents.js";

export const fr: Record<keyof typeof en, string> = {
  "docs.receiptPdf": "Télécharger le reçu en PDF",
  "docs.title": "Photos et documents",
  "docs.attach": "Joindre une photo ou un PDF",
  "docs.attachHint": "Ouvre l’appareil photo sur un téléphone. Les photos sont réduites avant l’envoi.",
  "docs.preparing": "Réduction de la photo…",
  "docs.uploading": "Envoi… {percent} %",
  "docs.progress": "Progression de l’envoi",
  "docs.uploaded": "« {name} » est joint à cette vente.",
  "docs.none": "Rien n’est encore joint.",
  "docs.list": "Joints à cette vente",
  "docs.remove": "Supprimer",
  "docs.meta": "{size} · {when}",
  "docs.delete": "Supprimer {name}",
  "docs.confirmDelete": "Supprimer « {name} » ? C’est définitif.",
  "docs.deleted": "« {name} » a été supprimé.",
  "docs.usageTitle": "Photos et documents",
  "docs.usage": "Fichiers : {count}. Taille totale : {size}. Stockés chiffrés.",
  "docs.usageNone": "Aucune photo ni aucun document stocké pour l’instant.",
  "docs.usageQuota": "{used} utilisés sur {quota}.",
  "docs.usageFull":
    "Le stockage est plein : les nouveaux envois sont refusés tant que vous n’avez pas supprimé des fichiers inutiles.",
  "error.storage_quota_exceeded":
    "Le stockage de fichiers de la boutique est plein. Supprimez les photos ou documents dont vous n’avez plus besoin.",
  "error.too_large": "Ce fichier est trop volumineux. Prenez la photo en plus petit ou divisez le PDF.",
  "error.unsupported_file_type": "Ce fichier n’est ni une photo (JPEG, PNG, WebP, HEIC) ni un PDF.",
};
