import type { en } from "./import-issues.js";

export const fr: Record<keyof typeof en, string> = {
  "importIssue.amount_invalid": "Ce n’est pas un montant. Écrivez-le comme 1250.50, sans lettres.",
  "importIssue.amount_negative": "Le montant ne peut pas être négatif.",
  "importIssue.amount_decimals": "Le montant a plus de {digits} décimales.",
  "importIssue.amount_no_cents": "Le {currency} n’a pas de centimes : écrivez un montant entier.",
  "importIssue.amount_too_large": "Le montant est trop grand.",
  "importIssue.quantity_invalid": "Ce n’est pas un nombre. Écrivez-le comme 12 ou 2,5.",
  "importIssue.quantity_negative": "La quantité ne peut pas être négative.",
  "importIssue.quantity_decimals": "La quantité a au plus 3 décimales.",
  "importIssue.quantity_too_large": "La quantité est trop grande.",
  "importIssue.quantity_zero": "La quantité ne peut pas être 0.",
  "importIssue.too_long": "Ce texte fait {length} caractères ; {max} au plus. Raccourcissez-le.",
  "importIssue.name_with_variant_too_long": "Le nom avec sa variante dépasse {max} caractères.",
  "importIssue.product_name_missing": "Cette ligne n’a pas de nom de produit. Écrivez le nom, ou supprimez la ligne.",
  "importIssue.customer_name_missing": "Cette ligne n’a pas de nom de client. Écrivez le nom, ou supprimez la ligne.",
  "importIssue.price_missing":
    "Ce produit n’a pas de prix. Écrivez le prix, ou « variable » s’il est saisi à chaque vente.",
  "importIssue.yes_or_no": "Écrivez « O » ou « N ».",
  "importIssue.barcode_scientific":
    "Un tableur a changé ce code-barres en nombre arrondi ; il a été laissé de côté. Scannez-le à nouveau sur le produit.",
  "importIssue.duplicate_sku":
    "La référence « {value} » est aussi à la ligne {rows}. Chaque produit a sa propre référence.",
  "importIssue.duplicate_barcode":
    "Le code-barres « {value} » est aussi à la ligne {rows}. Chaque produit a son propre code-barres.",
  "importIssue.duplicate_phone": "Le numéro {value} est aussi à la ligne {rows}. Chaque client a le sien.",
  "importIssue.duplicate_receipt": "Le ticket « {value} » est aussi à la ligne {rows}. Chaque ticket vient une fois.",
  "importIssue.sku_taken": "La référence « {value} » appartient déjà à « {name} ». Changez-la dans le fichier.",
  "importIssue.barcode_taken": "Le code-barres « {value} » appartient déjà à « {name} ». Changez-le dans le fichier.",
  "importIssue.same_as_row": "Cette ligne et la ligne {row} sont toutes deux « {name} ». Gardez-en une.",
  "importIssue.phone_unreadable":
    "Ce numéro de téléphone est illisible. Écrivez-le avec l’indicatif du pays, comme +254 712 345 678, ou laissez-le vide.",
  "importIssue.email_invalid": "Ce n’est pas une adresse e-mail comme nom@exemple.com.",
  "importIssue.choose_columns": "Choisissez la colonne qui contient : {fields}.",
  "importIssue.receipt_missing": "Cette ligne n’a pas de numéro de ticket. Chaque ticket a besoin de son numéro.",
  "importIssue.date_invalid": "Cette date est illisible. Écrivez-la comme 2025-03-14 09:05.",
  "importIssue.net_missing": "Cette ligne n’a pas de montant de ventes nettes.",
  "importIssue.amounts_mismatch":
    "Les ventes brutes moins les remises ne font pas les ventes nettes de cette ligne. Vérifiez les montants.",
  "importIssue.item_missing": "Cette ligne n’a pas de nom d’article.",
  "importIssue.product_added":
    "« {name} » n’est pas parmi vos produits : il est ajouté comme produit archivé, pour que ses ventes passées le gardent.",
};
