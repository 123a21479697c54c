# Notifications say what they are about (Notification.Kind); messages sent before this stay "other".

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0007_referralevent_name_choices'),
    ]

    operations = [
        migrations.AddField(
            model_name='notification',
            name='kind',
            field=models.CharField(choices=[('new_referral', 'Nieuwe verwijzing'), ('withdrawn', 'Verwijzing ingetrokken'), ('accepted', 'Verwijzing aangenomen'), ('handed_over', 'Warm overgedragen'), ('declined', 'Verwijzing afgewezen'), ('forward_declined', 'Doorverwijzing afgewezen'), ('assigned', 'Aan u toegewezen'), ('first_contact', 'Eerste contact'), ('closed', 'Verwijzing afgesloten'), ('stopped', 'Verwijzing gestopt'), ('consent_expired', 'Toestemming verlopen'), ('other', 'Anders')], default='other', max_length=20),
        ),
    ]
