<?xml version="1.0" encoding="UTF-8"?>
<!--
  Candor feed stylesheet (XSLT 1.0).
  Shows an Atom 1.0 or RSS 2.0 feed opened in a browser as a readable page:
  what a feed is, how to subscribe, then the feed's title, subtitle and entries.
  Feed readers ignore it. The feeds plugin links it as {SITEURL}/theme/feed.xsl.
  Entry summaries are shown as plain text: their HTML is never interpreted.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="atom content dc">

  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <!-- Language of the feed: "es..." shows the Spanish texts, anything else English. -->
  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="/atom:feed/@xml:lang"><xsl:value-of select="/atom:feed/@xml:lang"/></xsl:when>
      <xsl:when test="/rss/channel/language"><xsl:value-of select="/rss/channel/language"/></xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="es" select="starts-with(translate($lang, 'ES', 'es'), 'es')"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="atom:feed">
        <xsl:call-template name="page">
          <xsl:with-param name="title" select="string(atom:feed/atom:title)"/>
          <xsl:with-param name="subtitle" select="string(atom:feed/atom:subtitle)"/>
          <xsl:with-param name="self" select="string(atom:feed/atom:link[@rel='self']/@href)"/>
          <xsl:with-param name="site" select="string(atom:feed/atom:link[@rel='alternate' or not(@rel)][1]/@href)"/>
          <xsl:with-param name="format" select="'Atom'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="rss/channel">
        <xsl:call-template name="page">
          <xsl:with-param name="title" select="string(rss/channel/title)"/>
          <xsl:with-param name="subtitle" select="string(rss/channel/description)"/>
          <xsl:with-param name="self" select="string(rss/channel/atom:link[@rel='self']/@href)"/>
          <xsl:with-param name="site" select="string(rss/channel/link)"/>
          <xsl:with-param name="format" select="'RSS'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <html lang="en"><head><title>Feed</title></head><body><p>This file is not an Atom or RSS feed.</p></body></html>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="subtitle"/>
    <xsl:param name="self"/>
    <xsl:param name="site"/>
    <xsl:param name="format"/>
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <meta name="color-scheme" content="light dark"/>
        <title>
          <xsl:value-of select="$title"/>
          <xsl:choose>
            <xsl:when test="$es"> (feed <xsl:value-of select="$format"/>)</xsl:when>
            <xsl:otherwise> (<xsl:value-of select="$format"/> feed)</xsl:otherwise>
          </xsl:choose>
        </title>
        <style>
          :root {
            color-scheme: light dark;
            --bg: #fbfaf7; --surface: #ffffff; --text: #1b2330; --muted: #545e6c;
            --border: #d9d4c9; --link: #0a5677; --note: #e4f0f6; --focus: #b3410e;
          }
          @media (prefers-color-scheme: dark) {
            :root {
              --bg: #11151b; --surface: #181e26; --text: #e8eaee; --muted: #a9b2bf;
              --border: #2e3744; --link: #86c8ea; --note: #14303f; --focus: #ffb86b;
            }
          }
          * { box-sizing: border-box; }
          body {
            margin: 0; background: var(--bg); color: var(--text);
            font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
            overflow-wrap: break-word;
          }
          main { max-width: 44rem; margin: 0 auto; padding: 2rem clamp(1rem, 4vw, 2rem) 4rem; }
          h1, h2 { font-family: "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Noto Serif", "DejaVu Serif", serif; line-height: 1.2; }
          h1 { font-size: clamp(1.75rem, 1.3rem + 2vw, 2.5rem); margin: 0 0 .5rem; }
          h2 { font-size: 1.3rem; margin: 0 0 .25rem; }
          a { color: var(--link); text-underline-offset: .18em; }
          a:focus-visible { outline: 3px solid var(--focus); outline-offset: 3px; border-radius: 3px; }
          .note { margin: 0 0 2.5rem; padding: 1rem 1.25rem; background: var(--note); border-radius: 6px; }
          .note p { margin: 0 0 .5rem; }
          .note p:last-child { margin: 0; }
          code { display: block; margin-top: .25rem; padding: .5rem .75rem; background: var(--surface);
                 border: 1px solid var(--border); border-radius: 4px; font-size: .9rem;
                 overflow-wrap: anywhere; user-select: all; }
          .subtitle { margin: 0 0 1rem; color: var(--muted); font-size: 1.15rem; }
          .site { margin: 0 0 2rem; }
          ol { margin: 0; padding: 0; list-style: none; }
          li { padding: 1.25rem 0; border-top: 1px solid var(--border); }
          time { display: block; margin-bottom: .5rem; color: var(--muted); font-size: .9rem; }
          li p { margin: 0; }
          @media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
        </style>
      </head>
      <body>
        <main>
          <div class="note" role="note">
            <xsl:choose>
              <xsl:when test="$es">
                <p><strong>Esto es un feed web.</strong> Copia su dirección en un lector de feeds para suscribirte.</p>
              </xsl:when>
              <xsl:otherwise>
                <p><strong>This is a web feed.</strong> Copy its address into a feed reader to subscribe.</p>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="$self">
              <p><code><xsl:value-of select="$self"/></code></p>
            </xsl:if>
          </div>
          <header>
            <h1><xsl:value-of select="$title"/></h1>
            <xsl:if test="normalize-space($subtitle) and normalize-space($subtitle) != normalize-space($title)">
              <p class="subtitle"><xsl:value-of select="$subtitle"/></p>
            </xsl:if>
            <xsl:if test="$site">
              <p class="site">
                <a href="{$site}">
                  <xsl:choose>
                    <xsl:when test="$es">Visitar el sitio web</xsl:when>
                    <xsl:otherwise>Visit the website</xsl:otherwise>
                  </xsl:choose>
                </a>
              </p>
            </xsl:if>
          </header>
          <ol>
            <xsl:apply-templates select="atom:feed/atom:entry | rss/channel/item"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- Atom entry -->
  <xsl:template match="atom:entry">
    <xsl:variable name="when">
      <xsl:choose>
        <xsl:when test="atom:published"><xsl:value-of select="atom:published"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="atom:updated"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="entry">
      <xsl:with-param name="title" select="string(atom:title)"/>
      <xsl:with-param name="href" select="string(atom:link[@rel='alternate' or not(@rel)][1]/@href)"/>
      <xsl:with-param name="datetime" select="string($when)"/>
      <xsl:with-param name="date" select="substring($when, 1, 10)"/>
      <xsl:with-param name="summary" select="string(atom:summary)"/>
      <xsl:with-param name="summary-is-html" select="atom:summary/@type = 'html'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- RSS item -->
  <xsl:template match="item">
    <xsl:call-template name="entry">
      <xsl:with-param name="title" select="string(title)"/>
      <xsl:with-param name="href" select="string(link)"/>
      <xsl:with-param name="datetime" select="''"/>
      <!-- "Mon, 05 Oct 2026 09:00:00 +0200" → "05 Oct 2026" -->
      <xsl:with-param name="date" select="normalize-space(substring(substring-after(pubDate, ','), 1, 12))"/>
      <xsl:with-param name="summary" select="string(description)"/>
      <xsl:with-param name="summary-is-html" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="entry">
    <xsl:param name="title"/>
    <xsl:param name="href"/>
    <xsl:param name="datetime"/>
    <xsl:param name="date"/>
    <xsl:param name="summary"/>
    <xsl:param name="summary-is-html"/>
    <li>
      <h2>
        <xsl:choose>
          <xsl:when test="$href"><a href="{$href}"><xsl:value-of select="$title"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:if test="$date">
        <time>
          <xsl:if test="$datetime"><xsl:attribute name="datetime"><xsl:value-of select="$datetime"/></xsl:attribute></xsl:if>
          <xsl:value-of select="$date"/>
        </time>
      </xsl:if>
      <xsl:if test="normalize-space($summary)">
        <p>
          <xsl:choose>
            <xsl:when test="$summary-is-html">
              <xsl:call-template name="plain-text">
                <xsl:with-param name="html" select="$summary"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($summary)"/></xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- Plain text of an HTML fragment: drop the tags, then decode the basic entities. -->
  <xsl:template name="plain-text">
    <xsl:param name="html"/>
    <xsl:variable name="text">
      <xsl:call-template name="strip-tags">
        <xsl:with-param name="html" select="$html"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="decode-entities">
      <xsl:with-param name="text" select="normalize-space($text)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="strip-tags">
    <xsl:param name="html"/>
    <xsl:choose>
      <xsl:when test="contains($html, '&lt;')">
        <xsl:value-of select="substring-before($html, '&lt;')"/>
        <xsl:call-template name="strip-tags">
          <xsl:with-param name="html" select="substring-after(substring-after($html, '&lt;'), '&gt;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$html"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="decode-entities">
    <xsl:param name="text"/>
    <xsl:variable name="a">
      <xsl:call-template name="replace">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="from" select="'&amp;quot;'"/>
        <xsl:with-param name="to" select="'&quot;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="b">
      <xsl:call-template name="replace">
        <xsl:with-param name="text" select="$a"/>
        <xsl:with-param name="from" select="'&amp;#39;'"/>
        <xsl:with-param name="to" select='"&apos;"'/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="c">
      <xsl:call-template name="replace">
        <xsl:with-param name="text" select="$b"/>
        <xsl:with-param name="from" select="'&amp;lt;'"/>
        <xsl:with-param name="to" select="'&lt;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="d">
      <xsl:call-template name="replace">
        <xsl:with-param name="text" select="$c"/>
        <xsl:with-param name="from" select="'&amp;gt;'"/>
        <xsl:with-param name="to" select="'&gt;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="replace">
      <xsl:with-param name="text" select="$d"/>
      <xsl:with-param name="from" select="'&amp;amp;'"/>
      <xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
