# The portal's own pages: layout, home, eligibility, files, case, status, privacy.
# Variables available everywhere: $org (the organisation running the site), $product (Empreinte).
# **text** is shown in bold: use it for names of buttons and menus.

## Layout

skip-link = Skip to the content
quick-exit = Quick exit
nav-label-main = Main menu
nav-label-language = Language
nav-start = Protect my images
nav-status = My case
nav-help = Help
breadcrumb-label = You are here
footer-run-by = This service is run by { $org }.
footer-privacy = How we protect you
footer-support = Talk to someone
footer-quick-exit = To leave this site at once, press Quick exit or the Esc key twice.
footer-free-software = { $product } is free, open-source software.
contact-call = Call { $phone }
contact-write = Write to { $email }
contact-website = Website
contact-website-of = { $name }: website
contact-report-form = Report online
noscript = This page needs JavaScript. The fingerprints are made by a small program that runs inside this page, on your device.
notfound-title = Page not found
notfound-text = This page does not exist, or it has moved.
notfound-home = Go to the home page

## Home

home-title = Stop your intimate images from being shared
home-lead = Are you afraid that intimate images of you will be posted online, or have they been already? Here you can stop them from spreading on the platforms that take part. It is free and anonymous.
home-start = Protect my images
home-status-link = I already have a case number
home-how-heading = How it works
home-how-1 = You choose the images or videos on your phone or computer.
home-how-2 = Your device makes a digital fingerprint of each one: a short code. The images stay with you. Nobody sees them, not even us.
home-how-3 = Only the fingerprints are sent to the platforms that take part.
home-how-4 = If someone tries to post one of these images there, the platform recognises it and can block it.
home-how-5 = You get a case number and a PIN. With them, you can see what happened and withdraw your case at any time.
home-limits-heading = What this service cannot do
home-limits-1 = It cannot remove images that are already online. You can report them to the platform yourself: our guides show you how, step by step.
home-limits-2 = It only works on the platforms that take part. Other websites do not receive the fingerprints.
home-limits-3 = A copy that has been heavily edited or cropped may not be recognised.
home-limits-4 = It does not alert the police and does not find out who shares the images. If you want that person punished, you can file a complaint.
home-limits-5 = It is only for images of you, made when you were 18 or over. For images from before you were 18, other services are there for you.
home-limits-help = Report an image, file a complaint, find support
home-platforms-heading = Platforms taking part
home-platforms-loading = Loading the list…
home-platforms-noscript = The list of platforms needs JavaScript.
home-platforms-empty = No platform has joined yet. You can still create a case today: each platform receives the fingerprints as soon as it joins.
home-platforms-error = The list cannot be loaded right now. This does not affect your case.
home-protect-heading = How we protect you
home-protect-1 = Your images never leave your device.
home-protect-2 = No account, no name, no e-mail address. Your case number and PIN are the only way into your case.
home-protect-3 = No cookies, no tracking, nothing loaded from other websites.
home-protect-4 = The **Quick exit** button, or the Esc key pressed twice, takes you off this site at once.
home-protect-more = More about your privacy
home-help-heading = You are not alone
home-help-text = What happened is not your fault. You can get help to report images, to file a complaint, or simply to talk to someone.
home-help-link = Find help

## Eligibility

elig-title = Before you start
elig-lead = Three questions to make sure this service is right for you. Nothing you answer here identifies you.
elig-age-legend = How old were you when the images were made?
elig-age-hint = What counts is your age in the images, not your age today.
elig-age-adult = 18 or over
elig-age-minor = Under 18
elig-age-unsure = I'm not sure
elig-confirm-legend = Please confirm
elig-depicted-label = I am the person in these images.
elig-intimate-label = The images are intimate: nude, partly nude or sexual.
elig-why = We ask because fingerprints of other images could block pictures that have nothing to do with you. These questions keep the service for the people it is made for.
elig-continue = Continue
elig-error-title-prefix = Please check your answers
elig-error-summary = Please check your answers
elig-error-age = Choose how old you were when the images were made.
elig-error-depicted = This service is only for images of yourself. If you want to help someone else, they can use it themselves, or you can contact { $org }.
elig-error-intimate = This service is only for intimate images. Other images can be reported to the platform directly: see our guides.

## Minors

minors-title = Help for images from before you were 18
minors-lead = You were under 18 in these images, or you are not sure. This service is not the right one, but you are not on your own: the services below are made for exactly this, and they can do more for you.
minors-not-your-fault = It is not your fault. Asking for help is the right thing to do.
minors-nothing-sent = Nothing has been sent, and no case has been created here.
minors-now-adult = Your age today does not matter. What counts is how old you were in the images.
minors-unsure = Not sure how old you were? Contact them anyway: they will help you work it out.
minors-back = I was 18 or over: back to the questions

## Choosing files

files-title = Choose your images and videos
files-lead = Your device makes a fingerprint of each file. The files themselves stay on your device.
files-choose = Choose files
files-drop = You can also drag and drop them here.
files-accept-hint = Photos (JPEG, PNG, WebP, GIF, BMP; HEIC where this browser can read it) and videos. You can choose several at once.
files-list-heading = Your files
files-empty = No files chosen yet.
files-summary = Ready: { $ready } of { $total }
files-privacy-note = Only you can see the file names. Nothing is sent until you press Create my case, and then only the fingerprints.
files-submit = Create my case
files-submitting = Creating your case…
files-waiting = Wait until every file has its fingerprint.
files-need-one = Add at least one image or video that can be fingerprinted.
file-status-queued = Waiting…
file-status-hashing = Making the fingerprint… { $percent }%
file-status-ready = Fingerprint ready
file-status-low-quality = Not enough detail: this image will not be used
file-low-quality-explain = This image is very plain: for example very dark, blurred, or almost one colour. Its fingerprint would match many other pictures, so platforms could block images that have nothing to do with you. If you have a sharper copy, add that one instead.
file-browser-decoded = Your browser read this photo, because our own reader does not know its format. If your browser changes images to protect your privacy (for example against tracking), this fingerprint may be slightly off; a JPEG copy gives the most reliable result.
file-status-error = This file cannot be used
file-remove = Remove { $name }
file-kind-image = Image
file-kind-video = Video
hasher-unavailable = The fingerprinting tool could not start. Reload the page, or try another browser.
error-file-unsupported_format = This type of file cannot be fingerprinted here. Try a photo in JPEG or PNG format.
error-file-heic_unsupported = This browser cannot read HEIC photos (the format iPhones use), so this photo cannot be fingerprinted on this device. Save it as JPEG and add the JPEG instead, or use Safari on an iPhone, iPad or Mac, which can read HEIC. (On an iPhone, Settings > Camera > Formats > Most Compatible takes new photos in JPEG.)
error-file-decode_failed = This file seems to be damaged, so it cannot be read.
error-file-too_large = This file is too large to be fingerprinted here.
error-file-too_small = This image is too small (less than 5 pixels wide or high) to be fingerprinted. If you have a larger copy, add that one instead.
error-file-read_failed = This file could not be opened. It may have been moved or deleted.
error-file-internal = Something went wrong while making the fingerprint. Remove the file and add it again.

## Case created

case-created-title = Your case has been created
case-created-lead = Your fingerprints have been sent. The platforms that take part can now recognise these images.
case-number-label = Case number
case-pin-label = PIN
case-warning = Save these two codes now. This is the only time you will see them, and nobody can recover them for you: we do not know who you are.
case-safety = Anyone who has these codes can see your case and withdraw it. Keep them where others cannot find them.
case-copy-number = Copy the case number
case-copy-pin = Copy the PIN
case-copied = Copied
case-copy-failed = Copying did not work. Select the code and copy it yourself.
case-download = Download as a text file
case-print = Print
case-file-name = my-case.txt
case-file-title = { $product }: your case
case-file-intro = Keep this file somewhere safe. Anyone who has these two codes can see and withdraw your case.
case-file-status = To check your case, go to { $url }
case-saved-check = I have saved my case number and PIN.
case-next-status = See my case
case-next-help = Find help: report images, file a complaint, talk to someone

## Status

status-title = My case
status-lead = Enter your case number and PIN to see what has happened to your images.
status-number-label = Case number
status-number-hint = 20 letters and digits, for example 7KQ2M-XJ4PA-9D0RT-W3HNB
status-pin-label = PIN
status-pin-hint = 8 digits
status-submit = Show my case
status-loading = Looking up your case…
status-invalid-number = This does not look like a case number. It has 20 letters and digits.
status-invalid-pin = The PIN has 8 digits.
status-noscript-posted = This page needs JavaScript to show your case. Your codes have not been kept.
status-new-case = Create a new case
status-case-heading = Your case
status-case-active = Your case is active. The platforms that take part check new uploads against your fingerprints.
status-case-withdrawn = Your case has been withdrawn. Your fingerprints are being removed from every platform.
status-created = Created on { $date }
status-withdrawn-on = Withdrawn on { $date }
status-items-heading = Your images and videos
status-item-image = Image { $number }
status-item-video = Video { $number }
status-item-active = Shared with the platforms
status-item-withdrawn = Withdrawn
status-item-quarantined = On hold
status-item-quarantined-explain = Several platforms found that the uploads matching this fingerprint were not this image. While this is checked, the fingerprint is not shared.
status-item-unknown = Status unknown
status-no-reports = No platform has reported a match so far.
status-not-blocked-help = A platform decided not to block an upload. If you think this is wrong, contact { $org }: they can take it up with the platform.
status-withdraw-heading = Withdraw your case
status-withdraw-explain = If you withdraw, your fingerprints are removed from every platform, and copies of your images could be posted again. This cannot be undone, but you can always create a new case.
status-withdraw = Withdraw my case
status-withdraw-confirm-question = Are you sure you want to withdraw your case?
status-withdraw-confirm = Yes, withdraw my case
status-withdraw-cancel = No, keep my case
status-hide = Hide my case

outcome-matched = found a matching upload
outcome-pending_review = is checking a matching upload
outcome-blocked = blocked a matching upload
outcome-not_blocked = checked a matching upload and did not block it
outcome-unknown = reported a matching upload

## Errors from the server (by code)

error-api-attestations_required = Please answer the questions before you start.
error-api-case_withdrawn = This case has already been withdrawn.
error-api-internal = Something went wrong on our side. Your files are safe on your device. Please try again in a moment.
error-api-invalid_case_number = This does not look like a case number. It has 20 letters and digits.
error-api-invalid_credentials = We cannot find a case with this number and PIN. Check both and try again.
error-api-invalid_hash = A fingerprint was not valid. Reload the page and try again.
error-api-invalid_json = Something went wrong while sending. Reload the page and try again.
error-api-invalid_request = Something went wrong while sending. Reload the page and try again.
error-api-item_not_accepted = One of the files cannot be accepted. Remove it and try again with the others.
error-api-locked_out = Too many attempts. To protect your case, it is locked for a while. Try again later.
error-api-low_quality = One of the images does not have enough detail to be used. Remove it and try again.
error-api-method_not_allowed = Something went wrong while sending. Reload the page and try again.
error-api-no_items = Add at least one image or video.
error-api-not_found = This service could not be found. Please try again later.
error-api-payload_too_large = Too many files at once. Try with fewer files.
error-api-rate_limited = Too many requests right now. Wait a few minutes and try again.
error-api-too_many_items = Too many files for one case. Remove some and create a second case for the rest.
error-api-unavailable = The service is not available right now. Please try again later.
error-api-unsupported_media_type = Something went wrong while sending. Reload the page and try again.
error-api-network = Cannot reach the service. Check your internet connection and try again.
error-api-unknown = Something went wrong. Please try again.

## Privacy

privacy-title = How we protect you
privacy-lead = This service was built so that you can use it without giving anything away about yourself.
privacy-images-h = Your images stay with you
privacy-images = A small program inside this page makes the fingerprints, on your own device. Only the fingerprints are sent: short codes from which nobody can rebuild your images.
privacy-stored-h = What we keep
privacy-stored = The fingerprints, your answers to the three questions, the dates, and your PIN in a scrambled form that cannot be read back. Nothing about you: no name, no e-mail address, no IP address, nothing about your device.
privacy-platforms-h = What the platforms receive
privacy-platforms = Only the fingerprints. Never your case number or your PIN. They cannot tell who sent them.
privacy-web-h = No tracking
privacy-web = This site sets no cookies, uses no analytics, and loads nothing from other websites.
privacy-exit-h = Leaving quickly
privacy-exit = The **Quick exit** button at the top of every page, or the Esc key pressed twice, replaces this page with an ordinary website. It does not erase your browsing history: if someone else uses your device, delete this site from the history, or use a private window next time.
privacy-control-h = You stay in control
privacy-control = With your case number and PIN you can withdraw your case at any time. The fingerprints are then removed from every platform.
