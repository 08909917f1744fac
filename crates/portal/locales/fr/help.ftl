# Pages d'aide : sommaire, guides par plateforme, plainte à la police, soutien.
# Dans les guides, $platform est le nom de la plateforme. **texte** s'affiche en gras (noms
# des boutons et menus tels que la plateforme les affiche en français).

## Sommaire de l'aide

help-title = Aide
help-lead = Ce que vous pouvez faire maintenant, étape par étape.
help-report-h = Signaler une image sur une plateforme
help-report-text = Des guides pas à pas pour les applications et les sites les plus courants.
help-police-h = Porter plainte à la police
help-police-text = Ce qu'il faut apporter, comment rassembler des preuves, et ce qui se passe ensuite.
help-support-h = Parler à quelqu'un
help-support-text = Des lignes d'écoute, et les personnes qui peuvent vous aider.
help-letters-h = Écrire à la personne qui diffuse ou qui menace
help-letters-text = Un message rédigé pour vous, que vous complétez et copiez. Rien n'est envoyé d'ici.

## Guides : parties communes

guide-title = Signaler une image sur { $platform }
guide-screenshot-h = D'abord, une capture d'écran datée
guide-screenshot = Avant de signaler quoi que ce soit, faites une capture d'écran de l'image là où elle apparaît, avec la plateforme et, si possible, la date et l'heure visibles. Notez aussi le lien (l'URL) et le nom du compte qui l'a publiée. Une fois l'image supprimée, ce sera peut-être votre seule preuve.
guide-priority = Bon à savoir : { $org } travaille directement avec { $platform }, et ses demandes de suppression sont traitées en priorité. Si vous préférez ne pas faire la démarche vous-même, vous pouvez la lui confier.
guide-menus-change = Les applications changent parfois leurs menus : les mots sur votre écran peuvent être un peu différents.
guide-links-h = Liens utiles
guide-not-removed = L'image n'a pas été supprimée, ou vous n'y arrivez pas ? Contactez { $org } : vous y trouverez de l'aide.
guide-others = Autres plateformes

## Facebook et Messenger

guide-facebook-intro = Des images intimes de vous ont été diffusées sur Facebook ou Messenger ? Signalez-les : Facebook les supprime et peut empêcher que la même image soit publiée à nouveau.
guide-facebook-post-h = Signaler une publication
guide-facebook-post-1 = Allez sur la publication qui contient l'image.
guide-facebook-post-2 = Appuyez ou cliquez sur les trois points (**…**) en haut à droite de la publication.
guide-facebook-post-3 = Choisissez **Signaler la publication**.
guide-facebook-post-4 = Choisissez l'option qui parle de nudité ou de partage d'images privées, et suivez les étapes.
guide-facebook-messenger-h = Signaler un message sur Messenger
guide-facebook-messenger-1 = Ouvrez la conversation.
guide-facebook-messenger-2 = Appuyez longuement sur le message. Sur un ordinateur, passez la souris dessus et cliquez sur les trois points (**…**).
guide-facebook-messenger-3 = Choisissez **Signaler** et suivez les étapes.
guide-facebook-note = Notez aussi le lien (l'URL) du profil qui a diffusé les images, et son adresse e-mail si vous la connaissez.
guide-facebook-link-help = Pages d'aide de Facebook

## Instagram

guide-instagram-intro = Des images intimes de vous ont été diffusées sur Instagram ? Vous pouvez signaler la publication et le compte qui l'a partagée.
guide-instagram-app-h = Dans l'application
guide-instagram-app-1 = Appuyez sur les trois points (**…**) en haut à droite de la publication, ou du profil.
guide-instagram-app-2 = Appuyez sur **Signaler**.
guide-instagram-app-3 = Suivez les instructions à l'écran.
guide-instagram-web-h = Sur le site web
guide-instagram-web-1 = Pour signaler le compte : ouvrez le profil, cliquez sur les trois points (**…**) à côté du nom d'utilisateur, puis sur **Signaler**.
guide-instagram-web-2 = Pour signaler une publication : cliquez sur les trois points (**…**) en haut à droite de la publication, puis sur **Signaler**.
guide-instagram-web-3 = Suivez les instructions à l'écran.
guide-instagram-noaccount-h = Sans compte Instagram
guide-instagram-noaccount-1 = Vous pouvez aussi signaler des images et des comptes par les pages d'aide d'Instagram, sans avoir de compte vous-même.
guide-instagram-link-help = Pages d'aide d'Instagram

## Snapchat

guide-snapchat-intro = Des images intimes de vous ont été diffusées sur Snapchat ? Vous pouvez signaler le Snap, la Story ou le compte qui les a partagées, dans l'application ou sur le site web.
guide-snapchat-app-h = Dans l'application
guide-snapchat-app-1 = Appuyez longuement sur le Snap ou la Story. Pour un compte, ouvrez le profil et appuyez sur les trois points.
guide-snapchat-app-2 = Appuyez sur **Signaler**.
guide-snapchat-app-3 = Expliquez clairement pourquoi vous le signalez.
guide-snapchat-web-h = Sur le site web
guide-snapchat-web-1 = Allez sur l'assistance Snapchat et choisissez **Signaler un problème de sécurité**.
guide-snapchat-web-2 = Choisissez ce qui correspond le mieux : le compte de quelqu'un d'autre (si on vous a envoyé des photos dénudées ou si on vous harcèle), une Story (pour une photo dénudée dans une Story), ou votre propre compte (si quelqu'un a créé un faux compte à votre nom).
guide-snapchat-web-3 = Si on vous demande **Avez-vous encore besoin d'aide ?**, répondez **Oui** pour obtenir le formulaire.
guide-snapchat-web-note = Dans le formulaire, écrivez en anglais si vous le pouvez.
guide-snapchat-link-help = Assistance Snapchat

## YouTube

guide-youtube-intro = Des images intimes de vous ont été diffusées sur YouTube ? Vous pouvez signaler la vidéo, avec ou sans compte Google.
guide-youtube-form-h = Avec le formulaire de plainte pour atteinte à la vie privée (sans compte)
guide-youtube-form-1 = Ouvrez le formulaire de YouTube pour les atteintes à la vie privée.
guide-youtube-form-2 = Donnez le lien de la vidéo, et expliquez qu'elle vous montre de façon intime sans votre consentement.
guide-youtube-form-3 = Envoyez le formulaire.
guide-youtube-video-h = Depuis la vidéo (avec un compte Google)
guide-youtube-video-1 = Sous la vidéo, appuyez ou cliquez sur les trois points (**…**).
guide-youtube-video-2 = Choisissez **Signaler**.
guide-youtube-video-3 = Choisissez le motif qui correspond le mieux, puis envoyez.
guide-youtube-note = YouTube conseille de demander d'abord à la chaîne de retirer la vidéo. Rien ne vous y oblige si vous ne vous sentez pas en sécurité.
guide-youtube-link-privacy = Plainte pour atteinte à la vie privée sur YouTube

## TikTok

guide-tiktok-intro = Des images intimes de vous ont été diffusées sur TikTok ? Vous pouvez signaler une vidéo, un commentaire ou un compte.
guide-tiktok-video-h = Signaler une vidéo
guide-tiktok-video-1 = Appuyez longuement sur la vidéo, ou appuyez sur la flèche de partage.
guide-tiktok-video-2 = Appuyez sur **Signaler** et suivez les étapes.
guide-tiktok-comment-h = Signaler un commentaire
guide-tiktok-comment-1 = Appuyez longuement sur le commentaire.
guide-tiktok-comment-2 = Appuyez sur **Signaler** et suivez les étapes.
guide-tiktok-account-h = Signaler un compte
guide-tiktok-account-1 = Ouvrez le profil et appuyez sur les trois points ou sur la flèche de partage, en haut à droite.
guide-tiktok-account-2 = Appuyez sur **Signaler** et choisissez l'option qui correspond le mieux.
guide-tiktok-account-3 = Ajoutez une courte description, et des captures d'écran comme preuves : du profil ou de votre conversation, par exemple.
guide-tiktok-link-help = Assistance TikTok

## X (Twitter)

guide-x-intro = Des images intimes de vous ont été diffusées sur X (anciennement Twitter) ? Vous pouvez les signaler dans l'application, sur le site web ou avec un formulaire.
guide-x-post-h = Signaler un post (application ou site web)
guide-x-post-1 = Appuyez ou cliquez sur les trois points (**…**) du post.
guide-x-post-2 = Choisissez **Signaler le post**.
guide-x-post-3 = Choisissez l'option sur les contenus sensibles, puis celle sur les images intimes partagées sans consentement.
guide-x-post-4 = Indiquez s'il s'agit de vous ou de quelqu'un d'autre.
guide-x-post-5 = Vous pouvez ajouter jusqu'à cinq posts au signalement. Ensuite, envoyez-le.
guide-x-form-h = Avec le formulaire
guide-x-form-1 = Ouvrez le formulaire de X pour les informations privées, et choisissez l'option pour les photos ou vidéos intimes partagées sans autorisation.
guide-x-form-2 = Remplissez-le et envoyez-le.
guide-x-note = Sur X, tout le monde peut signaler des images de nu clairement diffusées par vengeance ou pour de l'argent. Les autres images intimes ne peuvent être signalées que par la personne qui y apparaît. En cas de doute, { $org } peut les signaler pour vous.
guide-x-link-form = Formulaire de X pour les informations privées

## WhatsApp

guide-whatsapp-intro = Des images intimes de vous ont été diffusées sur WhatsApp ? Vous pouvez bloquer et signaler la personne, signaler un groupe, et expliquer à WhatsApp ce qui s'est passé.
guide-whatsapp-block-h = Bloquer ou signaler un contact
guide-whatsapp-block-1 = Sur Android : ouvrez la discussion, appuyez sur les trois points (**⋮**), puis sur **Plus**, et sur **Signaler** ou **Bloquer**.
guide-whatsapp-block-2 = Sur iPhone : ouvrez la discussion, appuyez sur le nom de la personne en haut, faites défiler vers le bas et appuyez sur **Signaler le contact** ou **Bloquer le contact**.
guide-whatsapp-block-3 = Pour faire les deux, choisissez **Bloquer** : WhatsApp vous propose alors de signaler aussi le contact.
guide-whatsapp-block-note = Faites vos captures d'écran d'abord : une fois la personne bloquée ou la discussion supprimée, vous risquez de perdre des messages dont vous aurez besoin comme preuves.
guide-whatsapp-explain-h = Expliquer ce qui s'est passé
guide-whatsapp-explain-1 = Ouvrez les **Paramètres** de WhatsApp (**Réglages** sur iPhone), puis **Aide**, puis **Nous contacter**.
guide-whatsapp-explain-2 = Décrivez la situation. Vous pouvez ajouter des captures d'écran.
guide-whatsapp-group-h = Signaler un groupe
guide-whatsapp-group-1 = Ouvrez le groupe et appuyez sur son nom, en haut.
guide-whatsapp-group-2 = Faites défiler vers le bas et appuyez sur **Signaler le groupe**.
guide-whatsapp-link-help = Pages d'aide de WhatsApp

## Discord

guide-discord-intro = Des images intimes de vous ont été diffusées sur Discord ? Vous pouvez signaler le message dans l'application, ou envoyer un signalement détaillé à l'équipe Trust & Safety de Discord.
guide-discord-app-h = Dans l'application
guide-discord-app-1 = Sur un ordinateur, faites un clic droit sur le message. Sur un téléphone, appuyez longuement dessus.
guide-discord-app-2 = Choisissez **Signaler** et suivez les étapes.
guide-discord-form-h = Avec le formulaire Trust & Safety
guide-discord-form-1 = Discord a besoin de numéros d'identification pour examiner un signalement. Pour les voir, activez le **Mode développeur** : **Paramètres utilisateur**, puis **Avancés**, puis **Mode développeur**.
guide-discord-form-2 = Faites un clic droit (ou un appui long) sur l'utilisateur, le message, le salon ou le serveur, et choisissez **Copier l'identifiant**.
guide-discord-form-3 = Dans le formulaire, décrivez ce qui s'est passé et collez les identifiants : celui de l'utilisateur (17 à 19 chiffres, pas le nom d'utilisateur), ceux des messages (quelques-uns suffisent s'il y en a beaucoup), celui du salon, et celui du serveur si cela s'est passé sur un serveur.
guide-discord-form-note = Sans ces numéros, Discord ne peut pas examiner votre signalement.
guide-discord-link-safety = Centre de sécurité de Discord
guide-discord-link-form = Formulaire Trust & Safety de Discord

## Plainte à la police

police-title = Porter plainte à la police
police-lead = Diffuser des images intimes sans consentement, menacer de les diffuser, et les autres formes de violence sexuelle en ligne sont des infractions graves. Si vous voulez que la personne soit punie, vous pouvez porter plainte.
police-danger = En danger en ce moment ?
police-danger-police = Pour joindre la police en urgence :
police-you-decide = C'est vous qui décidez. Une plainte aide aussi les autorités à voir combien de fois cela arrive.
police-how-h = Comment faire
police-how-1 = Rendez-vous au commissariat de votre commune, ou prenez rendez-vous par téléphone ou en ligne.
police-how-2 = Quand vous prenez rendez-vous, dites brièvement de quoi il s'agit. Vous pourrez ainsi rencontrer quelqu'un de la police qui connaît ce genre d'affaires.
police-how-3 = Rien ne vous oblige à y aller sans personne. Vous pouvez venir avec un avocat ou une avocate, ou avec une personne de confiance : un ami, une amie, quelqu'un de votre famille.
police-website = Trouver votre police locale
police-fear = Aller à la police peut faire peur. Vous craignez peut-être leur réaction, vous avez honte, ou vous ne savez pas ce qui va suivre. Rappelez-vous : vous n'avez rien fait de mal. C'est vous la victime.
police-bring-h = Ce qu'il faut apporter
police-bring-1 = Toutes vos preuves, sur votre téléphone et, si possible, imprimées aussi.
police-bring-2 = Des captures d'écran des images là où elles ont été publiées, faites avant de demander leur suppression à la plateforme.
police-bring-3 = Des captures d'écran des messages (SMS, WhatsApp, e-mails, réseaux sociaux) qui montrent les menaces ou la diffusion.
police-bring-4 = Les liens (URL) et les noms des comptes concernés.
police-bring-5 = Une courte liste de ce qui s'est passé, quand et où.
police-evidence-h = Comment rassembler des preuves
police-evidence-1 = Faites des captures d'écran où l'on voit la date et l'heure, et le nom de la plateforme ou de l'application.
police-evidence-2 = Ne supprimez pas les conversations, et enregistrez tout avant de bloquer la personne.
police-evidence-3 = Gardez les liens et les noms des comptes, et notez les dates tant que vous vous en souvenez.
police-evidence-4 = Rassemblez tout dans un endroit sûr, comme un dossier que personne d'autre ne peut ouvrir.
police-evidence-5 = Ne transférez les images à personne, même pour montrer ce qui s'est passé. Montrez-les directement à la police.
police-tell-h = Dites à la police si…
police-tell-1 = … la personne a agi pour vous nuire ou pour gagner de l'argent. La loi peut punir cela plus sévèrement.
police-tell-2 = … la personne a agi à cause de votre sexe : par exemple des commentaires haineux envers les femmes ou les hommes, ou les mêmes faits commis envers d'autres. Cela aussi peut alourdir la peine : apportez tout ce qui le montre.
police-next-h = Ce qui se passe ensuite
police-next-1 = La police transmet votre plainte au ministère public (le parquet), qui décide s'il faut enquêter et poursuivre la personne devant le tribunal.
police-next-2 = En tant que victime, vous avez des droits : recevoir des informations sur l'affaire, donner votre version et demander réparation. Demandez à la police comment faire une déclaration de personne lésée : c'est ce qui vous permet d'avoir des nouvelles de l'affaire.
police-next-3 = Vous ne décidez pas si l'affaire va au tribunal, ni de la peine demandée.
police-next-4 = S'il y a une enquête, la personne en est informée, et elle apprend souvent qui a porté plainte. Si cela vous inquiète, parlez-en d'abord avec { $org } : vous verrez ensemble ce qui est possible.
police-who-h = Contre qui
police-who = Contre la personne qui a pris ou diffusé les images en premier, mais aussi contre toute personne qui les a diffusées ou montrées ensuite. Une action en justice est aussi possible contre une plateforme qui refuse de les supprimer.
police-org = Des questions avant d'y aller ? Posez-les à { $org }, qui peut vous expliquer ce qu'implique une plainte et vous accompagner.

## Soutien

support-title = Parler à quelqu'un
support-lead = La violence sexuelle en ligne est un choc. Vous pouvez ressentir de la peur, de la honte, et même de la culpabilité. Ce n'est jamais de votre faute.
support-talk = En parler peut être difficile. Cela peut aider de se confier à un ami, une amie ou quelqu'un de votre famille : ces proches peuvent vous écouter, et vous soutenir si vous décidez d'agir, par exemple de porter plainte.
support-lines-h = Lignes d'écoute
support-lines-lead = Vous préférez parler à quelqu'un qui ne vous connaît pas ? Ces lignes vous écoutent sans vous juger. Vous n'avez pas à donner votre nom.
support-org-text = Gratuitement et en toute confidentialité, cette organisation peut vous aider si vous voulez :
support-org-1 = en savoir plus sur vos droits ;
support-org-2 = faire supprimer des images, ou recevoir de l'aide pour le faire ;
support-org-3 = signaler ce qui vous est arrivé ;
support-org-4 = comprendre ce qu'implique une plainte à la police avant de la déposer.
support-org-never = Elle n'entreprend jamais rien sans votre accord.
support-minors = Vous aviez moins de 18 ans quand les images ont été prises ?
support-minors-link = Les services pour les jeunes
support-supporter-h = Vous aidez quelqu'un ?
support-supporter = Écoutez sans juger, et laissez la personne décider de ce qu'elle veut faire. Évitez les remarques comme « tu n'aurais pas dû envoyer ces photos » : la faute revient à celui ou celle qui les diffuse.
