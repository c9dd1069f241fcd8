blog-title = Blog
blog-intro = Invitations, announcements and recaps of our Open Space and barbecue.
blog-empty = There are no posts here yet.
read-more = Read more
comment-count = { $count ->
    [0] Leave a comment
    [one] 1 Comment
   *[other] { $count } Comments
}
post-count = { $count ->
    [one] 1 post
   *[other] { $count } posts
}
page-number = Page { $count }
category-heading = Category: { $name }
tag-heading = Tag: { $name }
archive-title = Archive
archive-month-heading = Posts from { $month }
pagination-label = Pagination
pagination-newer = Newer posts
pagination-older = Older posts
pagination-page = Page
sidebar-label = Sidebar
sidebar-categories = Categories
sidebar-tags = Tags
sidebar-archive = Archive
sidebar-feed = Subscribe
sidebar-feed-link = Posts as an Atom feed
post-categories = Filed under
post-tags = Tags
translation-available = This post is also available in German:
translation-missing = This post is only available in English.
untranslated-title = Not available in English
untranslated-text = This post is only available in German. You can read the original:
untranslated-back = Back to the English posts
comment-form-title = Leave a comment
comment-name = Name
comment-email = Email address
comment-email-hint = Will not be published.
comment-body = Comment
comment-honeypot = Please leave this empty
comment-submit = Post comment
comment-moderation-note = New comments are published after a short review.
comment-held = Thank you for your comment! It will appear once we have approved it.
comment-published = Thank you, your comment is published.
