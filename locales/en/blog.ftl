blog-title = Blog
blog-intro = Invitations, announcements and recaps of our Open Space and barbecue.
blog-empty = There are no posts here yet.
read-more = Read more
comment-count = { $count ->
    [0] Leave a comment
    [one] 1 comment
   *[other] { $count } comments
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

# Admin: posts, categories, comments
admin-new-post = New post
admin-no-posts = No posts yet.
admin-comment-author = Author
admin-comment-tabs = Comments by status
admin-no-comments = Nothing to do here right now.
state-draft = Draft
state-scheduled = Scheduled
state-published = Published
editor-edit-title = Edit post
editor-title = Title
editor-lang = Language
editor-slug = Address (slug)
editor-slug-hint = Leave empty to build it from the title.
editor-body = Body (Markdown)
editor-excerpt = Excerpt
editor-excerpt-hint = Shown in listings and the feed. Leave empty to use the first paragraph.
editor-categories = Categories
editor-tags = Tags
editor-tags-hint = Separated by commas, such as open space, barbecue
editor-translation = Translation of this post
editor-no-translation = No translation
editor-publish-at = Publish on
editor-publish-at-hint = Leave empty to publish right away. A time in the future schedules the post.
editor-preview = Preview
editor-preview-empty = Press “Preview” to see the text here as it will appear.
editor-save-draft = Save draft
editor-publish = Publish
editor-unpublish = Unpublish
editor-delete = Delete
post-saved = Draft saved.
post-published = Post published.
post-scheduled = Post scheduled.
post-unpublished = Post unpublished; it is a draft now.
post-deleted = Post deleted.
comment-moderated = Comment updated.
comment-state-pending = Awaiting approval
comment-state-approved = Approved
comment-state-rejected = Rejected
comment-state-spam = Spam
comment-action-approved = Approve
comment-action-rejected = Reject
comment-action-spam = Spam
comment-action-delete = Delete
category-add = Add category
category-added = Category added.
category-name-de = Name in German
category-name-en = Name in English
editor-event = Belongs to the event
editor-no-event = No event
blog-team-author = { $site } team
editor-by-team = Sign it as the team
editor-by-team-hint = The post then shows “{ $site } team” instead of your name (in German “{ $site }-Team”).
category-slug-de = Address in German (slug)
category-slug-en = Address in English (slug)
category-slug-hint = Leave empty to build it from the name.
category-col-de = German
category-col-en = English
category-edit-title = Edit category
category-back = All categories
category-moved-hint = Whoever opens a category under the other language's address is led to the address in their own language.
category-save = Save category
category-saved = Category saved.
category-list-hint = Choose a name to edit the category; below it is its public address in that language.
post-delete-question = Delete “{ $title }”?
post-delete-consequence = { $count ->
    [0] The post disappears from the site, from feeds and the archive too; links to it lead nowhere. This cannot be undone.
    [one] The post disappears from the site with its one comment, from feeds and the archive too; links to it lead nowhere. This cannot be undone.
   *[other] The post disappears from the site with its { $count } comments, from feeds and the archive too; links to it lead nowhere. This cannot be undone.
}
comment-delete-question = Delete the comment by { $name }?
comment-delete-consequence = The comment is gone for good, from moderation too. If it should only not appear, reject it or mark it as spam. This cannot be undone.
