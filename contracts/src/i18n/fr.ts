import { fr as admin } from "./areas/admin.fr.js";
import { fr as close } from "./areas/close.fr.js";
import { fr as customers } from "./areas/customers.fr.js";
import { fr as dashboard } from "./areas/dashboard.fr.js";
import { fr as documents } from "./areas/documents.fr.js";
import { fr as errors } from "./areas/errors.fr.js";
import { fr as importIssues } from "./areas/import-issues.fr.js";
import { fr as imports } from "./areas/imports.fr.js";
import { fr as offline } from "./areas/offline.fr.js";
import { fr as printed } from "./areas/printed.fr.js";
import { fr as reports } from "./areas/reports.fr.js";
import { fr as sell } from "./areas/sell.fr.js";
import { fr as stock } from "./areas/stock.fr.js";
import { fr as till } from "./areas/till.fr.js";
import type { Messages } from "./en.js";

const fr: Messages = {
  ...stock,
  ...customers,
  "app.name": "Duka",
  "app.loading": "Chargement…",
  "app.offline": "Duka ne joint pas le serveur. Vérifiez la connexion internet et réessayez.",
  "app.retry": "Réessayer",
  "app.skipToContent": "Aller au contenu",
  "app.mainNav": "Principal",

  "auth.signIn.title": "Connexion",
  "auth.signIn.intro": "Bon retour. Connectez-vous à votre boutique.",
  "auth.signIn.submit": "Se connecter",
  "auth.signIn.busy": "Connexion…",
  "auth.signIn.noAccount": "Nouveau sur Duka ?",
  "auth.signIn.toSignUp": "Créer un compte entreprise",
  "auth.signUp.title": "Créez votre entreprise",
  "auth.signUp.intro": "Installez votre boutique en une minute. Vous en serez le propriétaire.",
  "auth.signUp.submit": "Créer l’entreprise",
  "auth.signUp.busy": "Création…",
  "auth.signUp.haveAccount": "Vous avez déjà un compte ?",
  "auth.signUp.toSignIn": "Se connecter",
  "auth.signUp.business": "Votre entreprise",
  "auth.signUp.you": "Vous, le propriétaire",
  "auth.signOut": "Se déconnecter",
  "auth.signOut.busy": "Déconnexion…",
  "auth.signedOut": "Vous êtes déconnecté.",

  "field.login": "E-mail, téléphone ou identifiant",
  "field.login.hint": "Celui que vous utilisez pour vous connecter.",
  "field.password": "Mot de passe",
  "field.password.hint": "Au moins 8 caractères. Trois mots sans rapport sont faciles à retenir.",
  "field.password.show": "Voir",
  "field.password.hide": "Cacher",
  "field.password.showLabel": "Afficher le mot de passe",
  "field.password.hideLabel": "Masquer le mot de passe",
  "field.businessName": "Nom de l’entreprise",
  "field.currency": "Monnaie",
  "field.currency.hint": "Un code de 3 lettres, comme XOF, XAF, EUR ou USD.",
  "field.timeZone": "Fuseau horaire",
  "field.timeZone.hint": "Les rapports du jour suivent cette heure.",
  "field.country": "Pays",
  "field.country.hint":
    "Il lit les numéros de téléphone écrits à la façon locale (0722 111 222) et propose la devise et le fuseau horaire.",
  "field.locationName": "Nom de la boutique ou de l’agence",
  "field.locationName.hint": "Votre premier point de vente. Vous pourrez en ajouter d’autres.",
  "field.locationAddress": "Adresse (facultatif)",
  "field.locationAddress.hint": "Rue, marché ou repère, pour que le personnel et les clients la trouvent.",
  "field.ownerName": "Votre nom",

  "error.generic": "Un problème est survenu. Veuillez réessayer.",
  "error.network": "Pas de connexion au serveur. Vérifiez internet et réessayez.",
  "error.invalid_credentials": "Identifiant ou mot de passe incorrect.",
  "error.too_many_attempts": "Trop d’échecs de connexion. Attendez quelques minutes et réessayez.",
  "error.too_many_signups":
    "Trop d’entreprises ont été créées depuis cette connexion à l’instant. Réessayez dans quelques minutes.",
  "error.too_many_streams":
    "Les mises à jour en direct sont ouvertes dans trop d’onglets. Fermez-en quelques-uns et rechargez celui-ci.",
  "error.email_reset_unavailable":
    "La réinitialisation par e-mail n’est pas configurée sur ce serveur. Utilisez votre code de récupération.",
  "error.shop_code_required":
    "Saisissez le code de votre boutique ci-dessous. Le propriétaire le voit sur la page Personnel.",
  "auth.shopCode": "Code de la boutique",
  "auth.shopCode.hint": "6 lettres et chiffres, sur la page Personnel du propriétaire. Ce téléphone s’en souviendra.",
  "auth.shopCode.remembered": "Code de la boutique sur ce téléphone : {code}",
  "auth.shopCode.change": "Changer de boutique",
  "auth.triesLeft": "Encore {n} essais.",
  "auth.oneTryLeft": "Encore 1 essai.",
  "auth.lastTry": "Le prochain essai erroné sera refusé pendant un moment.",
  "auth.askOwner": "Si vous êtes employé, demandez au propriétaire de réinitialiser votre mot de passe.",
  "auth.recovery.title": "Notez votre code de récupération",
  "auth.recovery.intro":
    "Si vous oubliez votre mot de passe, ce code vous permet d’en choisir un nouveau. Gardez-le sur papier, loin de ce téléphone. Il n’est affiché qu’une fois.",
  "auth.recovery.label": "Code de récupération",
  "auth.recovery.print": "Imprimer",
  "auth.recovery.copy": "Copier",
  "auth.recovery.copied": "Copié.",
  "auth.recovery.done": "Je l’ai noté",
  "auth.forgot.link": "Mot de passe oublié ?",
  "auth.forgot.title": "Mot de passe oublié",
  "auth.forgot.intro":
    "Propriétaires : saisissez votre identifiant, le code de récupération noté à l’inscription et un nouveau mot de passe. Personnel : demandez au propriétaire de réinitialiser votre mot de passe.",
  "auth.forgot.newPassword": "Nouveau mot de passe",
  "auth.forgot.submit": "Enregistrer le nouveau mot de passe",
  "auth.forgot.busy": "Enregistrement…",
  "auth.forgot.done":
    "Votre mot de passe est changé et tous les téléphones ont été déconnectés. Voici votre nouveau code de récupération : l’ancien ne fonctionne plus.",
  "auth.forgot.toSignIn": "Retour à la connexion",
  "auth.forgot.email.title": "Ou recevez un lien par e-mail",
  "auth.forgot.email.submit": "M’envoyer un lien",
  "auth.forgot.email.sent":
    "S’il s’agit de l’adresse e-mail d’un propriétaire, un lien est en route. Il est valable une heure.",
  "auth.reset.title": "Choisissez un nouveau mot de passe",
  "auth.reset.intro": "Depuis le lien reçu par e-mail.",
  "error.wrong_recovery_code":
    "Cet identifiant et ce code de récupération ne correspondent pas. Vérifiez le code sur votre papier.",
  "error.reset_link_invalid": "Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.",
  "error.login_taken": "Cet identifiant est déjà utilisé. Choisissez un autre e-mail, numéro ou identifiant.",
  "error.unauthorized": "Votre session a pris fin. Veuillez vous reconnecter.",
  "error.invalid_input": "Vérifiez les champs indiqués ci-dessous.",
  "error.field": "{label} : {message}.",

  "nav.home": "Accueil",
  "nav.more": "Plus",

  "home.greeting": "Bonjour, {name}",
  "home.role": "Vous êtes connecté en tant que {role} de {business}.",
  "home.steps.title": "Préparez votre boutique",
  "home.steps.left": "{count, plural, one {# étape restante} other {# étapes restantes}}",
  "home.steps.products": "Ajoutez vos produits",
  "home.steps.products.import": "ou importez-les depuis un fichier",
  "home.steps.staff": "Ajoutez les personnes qui vendent pour vous",
  "home.steps.sale": "Enregistrez votre première vente",
  "home.steps.done": "Fait :",
  "home.steps.todo": "À faire :",
  "home.steps.dismiss": "Masquer cette liste",
  "home.today": "Nous sommes le {date}.",
  "role.owner": "propriétaire",
  "role.staff": "employé",

  "more.title": "Plus",
  "more.language": "Langue",
  "more.language.hint": "Duka affiche ses textes dans cette langue sur ce téléphone.",
  "more.account": "Compte",
  "more.signedInAs": "Connecté en tant que {name}",

  "notFound.title": "Page introuvable",
  "notFound.back": "Aller à l’accueil",

  ...admin,
  ...dashboard,
  ...sell,
  ...till,
  ...offline,
  ...printed,
  ...reports,
  ...close,
  ...documents,
  ...imports,
  ...importIssues,
  ...errors,
};

export default fr;
