# The letter composer. The page's script puts a letter together from the parts below
# (letter-…), in this order:
#   [letter: place and date, "To:" line] [e-mail and letter: subject]
#   greeting
#   [manager: letter-manager-intro] letter-intro-<sender>-<violence> letter-law-<violence>
#   letter-demand-self-<violence> (victim) or letter-demand-other-<violence> (others)
#   letter-next-<sender>-<violence> if it exists, else letter-next-<sender>
#   closing, and the sender's name (and organisation, for a manager)
# Each part must read well next to every other one. The letters address the person formally.
# Variables: $recipient (the person written to), $victim (the person concerned), $organisation
# (the manager's organisation), $city, $date.

## The page

letters-title = Write to the person who shares or threatens
letters-lead = If you feel safe enough, you can tell the person that what they are doing is against the law, and ask them to stop. Fill in the form: the message is written for you, here on your device. Nothing is sent or saved.
letters-safety = Only send it if you feel safe. You do not have to answer threats, and you can go to the police without writing first. Keep a copy of everything you send.
letters-noscript = This form needs JavaScript, so that the message is written on your device only.
letters-violence-legend = What is happening?
letters-violence-sextortion = Someone threatens to share intimate images
letters-violence-deepfake = Someone made or shared fake nude images
letters-violence-sharing = Someone shared intimate images without consent
letters-violence-unsolicited = Someone sends sexual images nobody asked for
letters-advice-sextortion = Do not pay and do not send anything else: giving in rarely ends the threats. Keep every message, and report the account.
letters-advice-deepfake = Even fake images are a form of sexual violence. You can have them removed, just like real ones.
letters-advice-sharing = Report the images to the platforms too, so that they are removed quickly.
letters-advice-unsolicited = Take a screenshot of the messages; then you can block the sender.
letters-sender-legend = Who is writing?
letters-sender-victim = I am the person this is happening to
letters-sender-witness = I saw it happen to someone
letters-sender-recipient = I received the images or the messages
letters-sender-manager = I am a manager where the person works or studies
letters-channel-legend = How will you send it?
letters-channel-message = Message on social media
letters-channel-email = E-mail
letters-channel-letter = Letter on paper
letters-fields-legend = Details (you can leave them empty)
letters-field-recipient = Name of the person you are writing to
letters-field-victim = Name of the person concerned
letters-field-organisation = Name of your organisation
letters-field-signature = Your name (leave it empty to stay anonymous)
letters-field-city = Town (for the date line)
letters-output-label = Your message (you can still change it)
letters-copy = Copy the message
letters-copied = Copied. Paste it where you want to send it.
letters-copy-failed = Copying did not work. Select the text and copy it yourself.
letters-nothing-sent = Nothing is sent from this page. When you close it, everything you typed is gone.

## Parts of the letter

letter-placeholder-victim = [name of the person concerned]
letter-placeholder-organisation = [name of the organisation]
letter-place-date = { $city }, { $date }
letter-to = To: { $recipient }
letter-subject-sextortion = Subject: your threats to share intimate images
letter-subject-deepfake = Subject: fake nude images
letter-subject-sharing = Subject: intimate images shared without consent
letter-subject-unsolicited = Subject: sexual images sent without being asked for
letter-greeting-message = To the person behind this account,
letter-greeting-message-named = { $recipient },
letter-greeting-email = Hello,
letter-greeting-email-named = Dear { $recipient },
letter-greeting-letter = Dear Sir or Madam,
letter-manager-intro = I am writing to you as a manager at { $organisation }.

letter-intro-victim-sextortion = You are threatening to share intimate images of me unless I do what you demand. I will not give in.
letter-intro-victim-deepfake = You have made or shared fake nude images of me: pictures edited to look real. I never agreed to this.
letter-intro-victim-sharing = You have shared intimate images of me without my consent.
letter-intro-victim-unsolicited = You have sent me sexual images that I never asked for and did not want.
letter-intro-witness-sextortion = I know that you are threatening to share intimate images of { $victim } unless they do what you demand.
letter-intro-witness-deepfake = I have seen that you made or shared fake nude images of { $victim }: pictures edited to look real.
letter-intro-witness-sharing = I have seen that you shared intimate images of { $victim } without their consent.
letter-intro-witness-unsolicited = I have seen that you sent sexual images to { $victim }, who never asked for them.
letter-intro-recipient-sextortion = You sent me intimate images of { $victim }, together with threats to spread them further.
letter-intro-recipient-deepfake = You sent me fake nude images of { $victim }: pictures edited to look real.
letter-intro-recipient-sharing = You sent me intimate images of { $victim }, shared without their consent.
letter-intro-recipient-unsolicited = You sent sexual images to me and to others, although none of us had asked for them.
letter-intro-manager-sextortion = I have been told that you are threatening to share intimate images of { $victim } unless they give in to your demands.
letter-intro-manager-deepfake = I have been told that you made or shared fake nude images of { $victim }: pictures edited to look real.
letter-intro-manager-sharing = I have been told that you shared intimate images of { $victim } without their consent.
letter-intro-manager-unsolicited = I have been told that you sent sexual images to { $victim }, who never asked for them.

letter-law-sextortion = Threatening to share someone's intimate images is a criminal offence, and so is demanding anything in return.
letter-law-deepfake = Making or sharing sexual images of someone without their consent is a criminal offence, even when the images are fake.
letter-law-sharing = Showing or sharing intimate images of someone without their consent is a criminal offence.
letter-law-unsolicited = Sending sexual images to someone who did not ask for them is sexual harassment, and it can be punished by law.

letter-demand-self-sextortion = Stop your threats now. Delete every image of me that you have, and do not share them with anyone.
letter-demand-other-sextortion = Stop your threats now. Delete every image of { $victim } that you have, and do not share them with anyone.
letter-demand-self-deepfake = Delete these images wherever you have posted or stored them, and stop making or sharing them.
letter-demand-other-deepfake = Delete these images of { $victim } wherever you have posted or stored them, and stop making or sharing them.
letter-demand-self-sharing = Remove the images wherever you have posted them, delete every copy you have, and do not share them again.
letter-demand-other-sharing = Remove the images of { $victim } wherever you have posted them, delete every copy you have, and do not share them again.
letter-demand-self-unsolicited = Stop sending me these images.
letter-demand-other-unsolicited = Stop sending such images to people who have not asked for them.

letter-next-victim = If you do not stop, I will file a complaint with the police. I have kept evidence of what you did.
letter-next-witness = If you do not stop, I will support { $victim } in reporting this to the police. I have kept evidence of what I saw.
letter-next-recipient = I will not pass these images on. I have kept your messages, and if you do not stop, I will report this to the police.
letter-next-recipient-unsolicited = I have kept your messages. If you do not stop, I will report this to the police.
letter-next-manager = This behaviour goes against the rules of { $organisation } and can lead to disciplinary measures. We will support { $victim } if they decide to report it to the police.

letter-closing-message = Consider this a formal warning.
letter-closing-email = Regards,
letter-closing-letter = Yours faithfully,
