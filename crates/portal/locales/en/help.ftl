# Help pages: index, platform guides, police complaint, support.
# In guides, $platform is the platform's name. **text** is shown in bold (names of buttons
# and menus as the platform shows them in this language).

## Help index

help-title = Help
help-lead = What you can do now, step by step.
help-report-h = Report an image on a platform
help-report-text = Step-by-step guides for the most common apps and websites.
help-police-h = File a complaint with the police
help-police-text = What to bring, how to gather evidence, and what happens next.
help-support-h = Talk to someone
help-support-text = Listening lines, and the people who can help you.
help-letters-h = Write to the person who shares or threatens
help-letters-text = A message written for you, which you fill in and copy. Nothing is sent from here.

## Guides: shared parts

guide-title = Report an image on { $platform }
guide-screenshot-h = First, take a dated screenshot
guide-screenshot = Before you report anything, take a screenshot of the image where it appears, with the platform and, if you can, the date and time visible. Also note the link (URL) and the name of the account that posted it. Once the image is removed, this may be your only evidence.
guide-priority = Good to know: { $org } works directly with { $platform }. When they ask for an image to be removed, the request is handled first. If you would rather not do it yourself, contact them.
guide-menus-change = Apps change their menus from time to time, so the words on your screen may be a little different.
guide-links-h = Useful links
guide-not-removed = Not removed, or stuck? Contact { $org }: they can help you.
guide-others = Other platforms

## Facebook and Messenger

guide-facebook-intro = Have intimate images of you been shared on Facebook or Messenger? Report them: Facebook removes them and can stop the same image from being posted again.
guide-facebook-post-h = Report a post
guide-facebook-post-1 = Go to the post with the image.
guide-facebook-post-2 = Tap or click the three dots (**…**) at the top right of the post.
guide-facebook-post-3 = Choose **Report post**.
guide-facebook-post-4 = Choose the option about nudity or about sharing private images, and follow the steps.
guide-facebook-messenger-h = Report a message in Messenger
guide-facebook-messenger-1 = Open the conversation.
guide-facebook-messenger-2 = Press and hold the message. On a computer, point at it and click the three dots (**…**).
guide-facebook-messenger-3 = Choose **Report** and follow the steps.
guide-facebook-note = Also write down the link (URL) of the profile that shared the images, and its e-mail address if you know it.
guide-facebook-link-help = Facebook Help Centre

## Instagram

guide-instagram-intro = Have intimate images of you been shared on Instagram? You can report the post and the account that shared it.
guide-instagram-app-h = In the app
guide-instagram-app-1 = Tap the three dots (**…**) at the top right of the post, or of the profile.
guide-instagram-app-2 = Tap **Report**.
guide-instagram-app-3 = Follow the steps on the screen.
guide-instagram-web-h = On the website
guide-instagram-web-1 = To report the account: open the profile, click the three dots (**…**) next to the user name, then **Report**.
guide-instagram-web-2 = To report a post: click the three dots (**…**) at the top right of the post, then **Report**.
guide-instagram-web-3 = Follow the steps on the screen.
guide-instagram-noaccount-h = Without an Instagram account
guide-instagram-noaccount-1 = You can also report images and accounts through the Instagram Help Centre, without an account of your own.
guide-instagram-link-help = Instagram Help Centre

## Snapchat

guide-snapchat-intro = Have intimate images of you been shared on Snapchat? You can report the Snap, the Story or the account that shared them, in the app or on the website.
guide-snapchat-app-h = In the app
guide-snapchat-app-1 = Press and hold the Snap or the Story. For an account, open the profile and tap the three dots.
guide-snapchat-app-2 = Tap **Report**.
guide-snapchat-app-3 = Say clearly why you are reporting it.
guide-snapchat-web-h = On the website
guide-snapchat-web-1 = Go to Snapchat Support and choose **Report a safety concern**.
guide-snapchat-web-2 = Choose what fits best: someone else's account (if someone sent you nude images or harasses you), a Story (for a nude image in a Story), or your own account (if someone made a fake account in your name).
guide-snapchat-web-3 = If you are asked **Do you still need help?**, answer **Yes** to get the form.
guide-snapchat-web-note = On the form, write in English if you can.
guide-snapchat-link-help = Snapchat Support

## YouTube

guide-youtube-intro = Have intimate images of you been shared on YouTube? You can report the video, with or without a Google account.
guide-youtube-form-h = With the privacy complaint form (no account needed)
guide-youtube-form-1 = Open YouTube's privacy complaint form.
guide-youtube-form-2 = Give the link to the video, and explain that it shows you in an intimate way without your consent.
guide-youtube-form-3 = Send the form.
guide-youtube-video-h = From the video (with a Google account)
guide-youtube-video-1 = Under the video, tap or click the three dots (**…**).
guide-youtube-video-2 = Choose **Report**.
guide-youtube-video-3 = Choose the reason that fits best, and send.
guide-youtube-note = YouTube suggests asking the channel to remove the video first. You do not have to if you do not feel safe doing so.
guide-youtube-link-privacy = YouTube privacy complaint

## TikTok

guide-tiktok-intro = Have intimate images of you been shared on TikTok? You can report a video, a comment or an account.
guide-tiktok-video-h = Report a video
guide-tiktok-video-1 = Press and hold the video, or tap the share arrow.
guide-tiktok-video-2 = Tap **Report** and follow the steps.
guide-tiktok-comment-h = Report a comment
guide-tiktok-comment-1 = Press and hold the comment.
guide-tiktok-comment-2 = Tap **Report** and follow the steps.
guide-tiktok-account-h = Report an account
guide-tiktok-account-1 = Open the profile and tap the three dots or the share arrow at the top right.
guide-tiktok-account-2 = Tap **Report** and choose the option that fits best.
guide-tiktok-account-3 = Add a short description, and screenshots as evidence: of the profile, or of your conversation, for example.
guide-tiktok-link-help = TikTok Support

## X (Twitter)

guide-x-intro = Have intimate images of you been shared on X (formerly Twitter)? You can report them in the app, on the website, or with a form.
guide-x-post-h = Report a post (app or website)
guide-x-post-1 = Tap or click the three dots (**…**) on the post.
guide-x-post-2 = Choose **Report post**.
guide-x-post-3 = Choose the option about sensitive media, then the one about intimate images shared without consent.
guide-x-post-4 = Say whether it is about you or about someone else.
guide-x-post-5 = You can add up to five posts to the report. Then send it.
guide-x-form-h = With the form
guide-x-form-1 = Open X's form for private information, and choose the option for intimate photos or videos shared without permission.
guide-x-form-2 = Fill it in and send it.
guide-x-note = On X, anyone can report nude images that were clearly shared for revenge or for money. Other intimate images can only be reported by the person in them. If you are unsure, { $org } can report them for you.
guide-x-link-form = X form for private information

## WhatsApp

guide-whatsapp-intro = Have intimate images of you been shared on WhatsApp? You can block and report the person, report a group, and explain what happened to WhatsApp.
guide-whatsapp-block-h = Block or report a contact
guide-whatsapp-block-1 = On Android: open the chat, tap the three dots (**⋮**), then **More**, and **Report** or **Block**.
guide-whatsapp-block-2 = On iPhone: open the chat, tap the person's name at the top, scroll down and tap **Report contact** or **Block contact**.
guide-whatsapp-block-3 = To do both, choose **Block**: WhatsApp then offers to report the contact as well.
guide-whatsapp-block-note = Take your screenshots first: once you block someone or delete a chat, you may lose messages you need as evidence.
guide-whatsapp-explain-h = Explain what happened
guide-whatsapp-explain-1 = Open WhatsApp's **Settings**, then **Help**, then **Contact us**.
guide-whatsapp-explain-2 = Describe the situation. You can add screenshots.
guide-whatsapp-group-h = Report a group
guide-whatsapp-group-1 = Open the group and tap its name at the top.
guide-whatsapp-group-2 = Scroll down and tap **Report group**.
guide-whatsapp-link-help = WhatsApp Help Centre

## Discord

guide-discord-intro = Have intimate images of you been shared on Discord? You can report the message in the app, or send a detailed report to Discord's Trust & Safety team.
guide-discord-app-h = In the app
guide-discord-app-1 = On a computer, right-click the message. On a phone, press and hold it.
guide-discord-app-2 = Choose **Report** and follow the steps.
guide-discord-form-h = With the Trust & Safety form
guide-discord-form-1 = Discord needs ID numbers to look into a report. To see them, turn on **Developer Mode**: **User Settings**, then **Advanced**, then **Developer Mode**.
guide-discord-form-2 = Right-click (or press and hold) the user, the message, the channel or the server, and choose **Copy ID**.
guide-discord-form-3 = In the form, describe what happened and paste the IDs: the user's ID (17 to 19 digits, not the user name), the message IDs (a few are enough if there are many), the channel ID, and the server ID if it happened on a server.
guide-discord-form-note = Without these numbers, Discord cannot look into your report.
guide-discord-link-safety = Discord Safety Centre
guide-discord-link-form = Discord Trust & Safety form

## Police complaint

police-title = Filing a complaint with the police
police-lead = Sharing intimate images without consent, threatening to share them, and the other forms of online sexual violence are serious offences. If you want the person punished, you can file a complaint.
police-danger = In danger right now?
police-danger-police = To reach the police urgently:
police-you-decide = It is your decision. A complaint also helps the authorities see how often this happens.
police-how-h = How to go about it
police-how-1 = Go to your local police station, or make an appointment by phone or online.
police-how-2 = When you make the appointment, say briefly what it is about. That way you can see an officer who knows this kind of case.
police-how-3 = You do not have to go alone. You can bring a lawyer, or someone you trust such as a friend or a relative.
police-website = Find your local police
police-fear = Going to the police can feel frightening. You may fear how they will react, feel ashamed, or not know what comes next. Remember: you have done nothing wrong. You are the victim.
police-bring-h = What to bring
police-bring-1 = All your evidence, on your phone and, if you can, printed out too.
police-bring-2 = Screenshots of the images where they were posted, taken before you asked the platform to remove them.
police-bring-3 = Screenshots of messages (texts, WhatsApp, e-mails, social media) that show the threats or the sharing.
police-bring-4 = The links (URLs) and the names of the accounts involved.
police-bring-5 = A short list of what happened, when and where.
police-evidence-h = How to gather evidence
police-evidence-1 = Take screenshots with the date and time visible, and the name of the platform or app.
police-evidence-2 = Do not delete conversations, and save everything before you block the person.
police-evidence-3 = Save the links and account names, and write down dates while you still remember them.
police-evidence-4 = Keep everything together in a safe place, such as a folder only you can open.
police-evidence-5 = Do not forward the images to anyone, not even to show what happened. Show them to the police directly.
police-tell-h = Tell the police if…
police-tell-1 = … the person acted to harm you or to make money. The law can punish this more severely.
police-tell-2 = … the person acted because of your sex: for example hateful comments about women or men, or the same thing done to others. This too can lead to a heavier sentence, so bring anything that shows it.
police-next-h = What happens next
police-next-1 = The police pass your complaint on to the public prosecutor, who decides whether to investigate and whether to take the person to court.
police-next-2 = As a victim, you have the right to be kept informed, to be heard, and to claim compensation. Ask the police how to register as an injured party, so that you are kept informed.
police-next-3 = You do not decide whether the case goes to court, or which sentence is asked for.
police-next-4 = If there is an investigation, the person is told about it, and often learns who filed the complaint. If that worries you, talk to { $org } first: together you can look at what is possible.
police-who-h = Against whom
police-who = Against the person who first made or shared the images, and also against anyone who shared or showed them afterwards. Legal action is also possible against a platform that refuses to remove them.
police-org = Questions before you go? Ask { $org }: they can explain what a complaint involves, and support you.

## Support

support-title = Talk to someone
support-lead = Online sexual violence is deeply upsetting. You may feel scared, ashamed, even guilty. It is never your fault.
support-talk = Talking about it can be hard. It may help to tell a friend or someone in your family: they can listen, and stand by you if you decide to act, for example to file a complaint.
support-lines-h = Listening lines
support-lines-lead = Would you rather talk to someone who does not know you? These lines listen without judging. You do not have to give your name.
support-org-text = They can help you, free of charge and in confidence, if you want to:
support-org-1 = know more about your rights;
support-org-2 = have images removed, or get help to do it;
support-org-3 = report what happened to you;
support-org-4 = understand what a police complaint involves before you file one.
support-org-never = They never take a step without your agreement.
support-minors = Were you under 18 when the images were made?
support-minors-link = Services for young people
support-supporter-h = Helping someone else?
support-supporter = Listen without judging, and let them decide what to do. Avoid remarks like "you shouldn't have sent those pictures": the fault lies with the person who shares them.
