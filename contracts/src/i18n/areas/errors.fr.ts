import type { en } from "./errors.js";

export const fr: Record<keyof typeof en, string> = {
  "error.bad_request": "La demande n’a pas été comprise. Rechargez la page et réessayez.",
  "error.cross_site_request": "Cette demande vient d’un autre site, elle a été refusée. Ouvrez Duka directement.",
  "error.not_found": "Introuvable. Cela a peut-être été supprimé ; revenez en arrière et rechargez la liste.",
  "error.unsupported_media_type": "Ce type de contenu ne peut pas être envoyé ici.",
  "error.internal": "Un problème est survenu de notre côté. Rien n’a été enregistré ; veuillez réessayer.",
  "error.database_unavailable":
    "Le serveur ne joint pas sa base de données pour le moment. Rien n’a été enregistré ; réessayez dans un instant.",
  "error.location_inactive": "Ce lieu est fermé. Choisissez un lieu ouvert.",
  "error.location_not_allowed": "Vous travaillez dans un autre lieu. Choisissez le vôtre.",
  "error.no_location": "Aucun lieu ouvert pour vendre. Demandez au propriétaire d’en ouvrir un.",
  "error.duplicate_sku": "Un autre produit a déjà ce code article. Utilisez-en un autre.",
  "error.duplicate_barcode": "Un autre produit a déjà ce code-barres. Vérifiez le code-barres.",
  "error.product_archived": "Un produit n’est plus vendu. Retirez-le et réessayez.",
  "error.insufficient_stock":
    "Il ne reste que {available} de {productName} ici. Baissez la quantité ou recevez d’abord du stock.",
  "error.count_not_open": "Cet inventaire est déjà terminé. Commencez-en un nouveau.",
  "error.idempotency_conflict": "Ceci a déjà été enregistré avec d’autres détails. Recommencez.",
  "error.idempotency_key_reused": "Ce paiement a déjà été enregistré avec d’autres détails. Recommencez.",
  "error.price_change_not_allowed": "Seul le propriétaire peut changer les prix. Vendez au prix affiché.",
  "error.discount_not_allowed": "Seul le propriétaire peut accorder des remises.",
  "error.discount_too_large": "La remise dépasse les {maxDiscountPercent} % autorisés par le propriétaire.",
  "error.amount_too_large": "Ce montant est trop grand. Vérifiez la quantité et le prix.",
  "error.already_voided": "Cette vente a déjà été annulée.",
  "error.sale_voided": "Cette vente a été annulée : plus rien ne peut être remboursé.",
  "error.refund_exceeds_sold": "Ligne {lineNo} : au plus {refundable} peut encore être remboursé.",
  "error.duplicate_phone": "Un autre client a déjà ce numéro. Recherchez-le plutôt.",
  "error.customer_archived": "Ce client est archivé. Choisissez-en un autre ou restaurez-le.",
  "error.credit_limit_exceeded":
    "Cela dépasse la limite de crédit du client ({creditLimit}) ; il doit déjà {balance}. Prenez d’abord un paiement ou demandez au propriétaire.",
  "error.offline_in_future":
    "L’heure de cette vente est en avance sur l’horloge du serveur. Vérifiez la date et l’heure du téléphone.",
  "error.offline_too_old":
    "Cette vente a été enregistrée il y a plus de 7 jours. Le propriétaire peut l’accepter dans la liste à vérifier.",
  "error.not_tried": "Pas encore envoyé : il repartira tout seul.",
  "error.overpayment": "C’est plus que les {balance} dus par le client. Saisissez au plus ce montant.",
  "error.file_missing":
    "Ce fichier manque dans le stockage. Demandez au propriétaire de le restaurer depuis une sauvegarde.",
  "error.invalid_storage_key": "L’adresse de ce fichier n’est pas valide.",
  "error.decrypt_failed":
    "Ce fichier est illisible : il a été abîmé ou remplacé. Demandez au propriétaire de le restaurer depuis une sauvegarde.",
  "error.backup_not_found": "Cette sauvegarde est introuvable.",
  "error.backup_invalid": "Ce fichier de sauvegarde est abîmé ou n’est pas une sauvegarde Duka.",
  "error.database_not_empty": "Une sauvegarde ne peut être restaurée que dans une base de données vide.",
  "field.required": "obligatoire",
  "field.invalid_type": "n’est pas le bon type de valeur",
  "field.not_whole": "doit être un nombre entier",
  "field.negative": "ne peut pas être négatif",
  "field.too_small": "doit être au moins {minimum}",
  "field.too_big": "doit être au plus {maximum}",
  "field.too_short": "doit avoir au moins {minimum} caractères",
  "field.too_long": "doit avoir au plus {maximum} caractères",
  "field.invalid_format": "n’est pas écrit correctement",
  "field.invalid_choice": "doit être l’un des choix proposés",
  "field.unknown_field": "n’est pas attendu ici",
  "field.invalid": "n’est pas valide",
};
